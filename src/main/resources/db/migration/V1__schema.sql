-- The whole schema of the bot. Money and quantities are numeric (exact); candle and signal times
-- are epoch milliseconds (bigint) as Binance gives them; event times are timestamptz (UTC).

create table accounts (
    id             bigserial primary key,
    name           text        not null unique,
    key_type       text        not null check (key_type in ('none', 'hmac', 'ed25519')),
    api_key_enc    bytea,               -- encrypted API key (AES-256-GCM, see security)
    api_secret_enc bytea,               -- encrypted HMAC secret or Ed25519 private key PEM
    api_key_hint   text,                -- last 4 characters of the API key, the only part ever shown
    testnet        boolean     not null default false,
    created_at     timestamptz not null default now(),
    check ((key_type = 'none') = (api_secret_enc is null))
);

create table strategies (
    id          bigserial primary key,
    name        text        not null unique,
    account_id  bigint      not null references accounts (id),
    kind        text        not null,
    symbol      text        not null,
    interval    text        not null,
    mode        text        not null check (mode in ('paper', 'live')),
    params      jsonb       not null,
    enabled     boolean     not null default true,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);
create index strategies_account_idx on strategies (account_id);

create table candles (
    symbol        text    not null,
    interval      text    not null,
    open_time     bigint  not null,
    close_time    bigint  not null,
    open          numeric not null,
    high          numeric not null,
    low           numeric not null,
    close         numeric not null,
    volume        numeric not null,
    quote_volume  numeric not null default 0,
    trades        bigint  not null default 0,
    primary key (symbol, interval, open_time)
);

-- Client order ids carry a number from here, so an id is never reused, even across restarts.
create sequence client_order_seq;

-- The order journal. A row is written (PENDING) before the order leaves the process.
create table orders (
    id                bigserial primary key,
    client_order_id   text        not null unique check (client_order_id ~ '^[a-zA-Z0-9_-]{1,36}$'),
    strategy_id       bigint      not null references strategies (id),
    mode              text        not null check (mode in ('paper', 'live')),
    symbol            text        not null,
    side              text        not null check (side in ('BUY', 'SELL')),
    type              text        not null,
    status            text        not null,
    requested_qty     numeric     not null,
    executed_qty      numeric     not null default 0,
    quote_qty         numeric     not null default 0,  -- cumulative quote amount of the fills
    avg_price         numeric,
    fee               numeric     not null default 0,  -- total commission, in fee_asset
    fee_asset         text,
    signal_price      numeric,                         -- close of the signal candle
    candle_open_time  bigint      not null,            -- open time of the signal candle
    attempt           int         not null default 1,  -- > 1 only after the exchange said an earlier id did not exist
    exchange_order_id text,
    reason            text,                            -- the exchange's message for a rejection
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    -- at most one order per strategy, signal candle and attempt: a second BUY for a candle cannot be journaled
    unique (strategy_id, candle_open_time, attempt)
);
create index orders_strategy_time_idx on orders (strategy_id, created_at);
create index orders_mode_idx on orders (mode);
create index orders_open_idx on orders (status) where status in ('PENDING', 'UNKNOWN', 'NEW', 'PARTIALLY_FILLED');

create table fills (
    id               bigserial primary key,
    order_id         bigint      not null references orders (id),
    trade_id         text        not null,
    price            numeric     not null,
    qty              numeric     not null,
    commission       numeric     not null,
    commission_asset text        not null,
    time             timestamptz not null,
    unique (order_id, trade_id)
);
create index fills_time_idx on fills (time);

-- The current holding of each strategy (at most one position; qty 0 when flat).
create table positions (
    strategy_id     bigint      primary key references strategies (id),
    symbol          text        not null,
    qty             numeric     not null default 0,  -- sellable base quantity
    entry_price     numeric,                         -- average fill price of the entry
    entry_qty       numeric,                         -- executed quantity of the entry order
    entry_cost      numeric,                         -- quote spent on the entry
    entry_fee_quote numeric,                         -- entry commission valued in the quote asset
    entry_order_id  bigint      references orders (id),
    opened_at       timestamptz,
    updated_at      timestamptz not null default now()
);

-- Closed round trips: one entry, one exit, with their PnL in the quote asset.
create table round_trips (
    id             bigserial primary key,
    strategy_id    bigint      not null references strategies (id),
    mode           text        not null check (mode in ('paper', 'live')),
    symbol         text        not null,
    entry_order_id bigint      not null references orders (id),
    exit_order_id  bigint      not null unique references orders (id),
    qty            numeric     not null,  -- base quantity sold
    entry_price    numeric     not null,
    exit_price     numeric     not null,
    entry_value    numeric     not null,  -- sum of price x qty of the entry fills (quote)
    exit_value     numeric     not null,  -- sum of price x qty of the exit fills (quote)
    fees           numeric     not null,  -- entry and exit commissions valued in the quote asset
                                          -- (a base-asset commission at its fill price)
    net_pnl        numeric     not null,  -- exit_value - entry_value - commissions charged in the quote asset
    gross_pnl      numeric     not null,  -- net_pnl + fees: the PnL before any fee
    opened_at      timestamptz not null,
    closed_at      timestamptz not null
);
create index round_trips_strategy_time_idx on round_trips (strategy_id, closed_at);
create index round_trips_mode_idx on round_trips (mode);
