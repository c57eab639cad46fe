-- Risk limits, halts and trips. A scope is a strategy or an account (by name), or 'all' (name '*').

-- Limits as the operator set them: one row per scope and key, the value as text (0.1, 50USDT, 30m, flatten).
create table risk_limits (
    scope_kind text        not null check (scope_kind in ('strategy', 'account')),
    scope_name text        not null,
    key        text        not null,
    value      text        not null,
    updated_at timestamptz not null default now(),
    primary key (scope_kind, scope_name, key)
);

-- What stops entries now: halts (limit_key null) and trips. A row stays until bot resume deletes it
-- (or until "until" passes: a daily_loss or a cooldown), so a restarted daemon starts halted.
create table risk_blocks (
    id         bigserial   primary key,
    scope_kind text        not null check (scope_kind in ('strategy', 'account', 'all')),
    scope_name text        not null,
    kind       text        not null check (kind in ('halt', 'trip')),
    limit_key  text,
    reason     text        not null,
    value      numeric,
    threshold  numeric,
    flatten    boolean     not null default false,
    at         timestamptz not null,
    until      timestamptz,
    check ((kind = 'halt') = (limit_key is null))
);
create unique index risk_blocks_scope_idx on risk_blocks (scope_kind, scope_name, coalesce(limit_key, ''));

-- The journal of every trip, halt and resume.
create table risk_events (
    id         bigserial   primary key,
    at         timestamptz not null,
    event      text        not null check (event in ('trip', 'halt', 'resume')),
    scope_kind text        not null,
    scope_name text        not null,
    limit_key  text,
    reason     text,
    value      numeric,
    threshold  numeric,
    until      timestamptz
);
create index risk_events_scope_idx on risk_events (scope_kind, scope_name, event, at);

-- Entries the limits denied, counted per reason by bot report.
create table risk_denials (
    id               bigserial   primary key,
    strategy_id      bigint      not null references strategies (id),
    reason           text        not null,
    candle_open_time bigint      not null,
    at               timestamptz not null default now()
);
create index risk_denials_strategy_idx on risk_denials (strategy_id, at);
