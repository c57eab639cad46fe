-- Exchange filters as the bot last fetched them (exchangeInfo), per network and symbol, so that a
-- backtest applies the symbol's real filters without reaching Binance.
create table symbol_rules (
    network                      text        not null check (network in ('production', 'testnet')),
    symbol                       text        not null,
    status                       text        not null,
    base_asset                   text        not null,
    quote_asset                  text        not null,
    min_price                    numeric     not null,
    max_price                    numeric     not null,
    tick_size                    numeric     not null,
    min_qty                      numeric     not null,
    max_qty                      numeric     not null,
    step_size                    numeric     not null,
    market_min_qty               numeric     not null,
    market_max_qty               numeric     not null,
    market_step_size             numeric     not null,
    min_notional                 numeric     not null,
    apply_min_notional_to_market boolean     not null,
    max_notional                 numeric     not null,
    apply_max_notional_to_market boolean     not null,
    fetched_at                   timestamptz not null default now(),
    primary key (network, symbol)
);

-- Backtest runs keep a journal of their own: the daemon's tables (orders, fills, positions,
-- round_trips) and every report over them never see a backtest's simulated orders.
create table backtest_runs (
    id              bigserial   primary key,
    strategy        text,                    -- the stored strategy it replayed; null for --kind
    kind            text        not null,
    symbol          text        not null,
    interval        text        not null,
    network         text        not null check (network in ('production', 'testnet')),
    params          jsonb       not null,    -- the checked parameters, defaults filled in
    from_open_time  bigint      not null,    -- first candle traded on (epoch ms)
    to_open_time    bigint      not null,    -- last candle traded on
    candles         bigint      not null,    -- candles traded on (warm-up not counted)
    warmup_candles  int         not null,    -- candles before from_open_time the strategy warmed up on
    gaps            jsonb       not null,    -- [{"from": ms, "to": ms, "missing": n}] candles missing in the range
    -- the position still held after the last candle (null when flat), valued at that candle's close
    open_qty        numeric,
    open_entry_price numeric,
    open_entry_value numeric,
    open_entry_fee  numeric,
    open_opened_at  timestamptz,
    last_close      numeric     not null,
    last_close_time bigint      not null,
    created_at      timestamptz not null default now()
);

create table backtest_orders (
    run_id           bigint      not null references backtest_runs (id) on delete cascade,
    seq              int         not null,   -- order number within the run, from 1
    client_order_id  text        not null,
    symbol           text        not null,
    side             text        not null check (side in ('BUY', 'SELL')),
    type             text        not null,
    status           text        not null,
    requested_qty    numeric     not null,
    executed_qty     numeric     not null,
    quote_qty        numeric     not null,
    avg_price        numeric,
    fee              numeric     not null,
    fee_asset        text,
    fee_quote        numeric,
    signal_price     numeric     not null,
    candle_open_time bigint      not null,
    time             timestamptz not null,
    reason           text,
    primary key (run_id, seq)
);

create table backtest_round_trips (
    run_id       bigint      not null references backtest_runs (id) on delete cascade,
    seq          int         not null,
    entry_seq    int         not null,
    exit_seq     int         not null,
    qty          numeric     not null,
    entry_price  numeric     not null,
    exit_price   numeric     not null,
    entry_value  numeric     not null,
    exit_value   numeric     not null,
    fees         numeric     not null,
    net_pnl      numeric     not null,
    gross_pnl    numeric     not null,
    opened_at    timestamptz not null,
    closed_at    timestamptz not null,
    primary key (run_id, seq)
);
