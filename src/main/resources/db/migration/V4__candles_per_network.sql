-- The spot testnet and production are different markets: the same symbol, interval and open time
-- has one candle on each, so the network is part of the candle's key. Candles stored before this
-- came from production's streams unless a testnet account ran, which cannot be told apart now:
-- they become production's, as most are.
alter table candles add column network text not null default 'production'
    check (network in ('production', 'testnet'));
alter table candles alter column network drop default;
alter table candles drop constraint candles_pkey;
alter table candles add constraint candles_pkey primary key (network, symbol, interval, open_time);
