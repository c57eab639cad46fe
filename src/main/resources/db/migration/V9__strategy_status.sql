-- What a running daemon is doing with each strategy, published by the instance running it (bot status).
-- One row per strategy, overwritten every few seconds; heartbeat_at (the database's clock, so hosts
-- with skewed clocks agree) says whether the instance is still alive.
create table strategy_status (
    strategy_id           bigint      primary key references strategies (id) on delete cascade,
    instance_id           text        not null,  -- one per bot start process
    host                  text        not null,
    pid                   bigint      not null,
    instance_started_at   timestamptz not null,
    taken_at              timestamptz not null,  -- since when this instance runs the strategy
    heartbeat_at          timestamptz not null,
    stopped_at            timestamptz,           -- set when the instance stopped cleanly; null while it runs
    state                 text        not null,  -- running, warming_up, waiting_for_network, halted, failed, refused, starting, stopped
    reason                text,                  -- why halted, failed, refused or waiting
    last_candle_open_time bigint,                -- the last closed candle handled live
    last_candle_close_time bigint,
    last_close            numeric,
    candle_lag_ms         bigint,                -- its arrival minus its close time
    position_qty          numeric,
    entry_price           numeric,
    unrealized_pnl        numeric                -- at the last close, before exit fees
);
