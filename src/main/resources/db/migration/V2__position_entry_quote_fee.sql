-- The part of the entry commission charged in the quote asset: a round trip's net_pnl subtracts the
-- commissions charged in the quote asset, and entry_fee_quote alone (which also values base-asset
-- commissions) cannot tell them apart after a restart.
alter table positions add column entry_quote_fee numeric;
