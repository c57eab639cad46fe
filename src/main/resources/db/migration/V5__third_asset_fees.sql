-- Commissions charged in a third asset (BNB, neither the symbol's base nor its quote asset) are
-- valued in the quote asset at the fill time, so profit counts them. Amounts that no price could be
-- had for are kept per asset as jsonb objects of exact decimal strings ({"BNB": "0.00012"}): the
-- report says which figures leave them out.

-- the third asset's price in the quote asset at the fill time; null when no price could be had, and
-- for a commission in the base asset (valued at the fill's price) or the quote asset
alter table fills add column commission_price numeric;
-- the order's commissions valued in the quote asset (those that could be), and those that could not
alter table orders add column fee_quote numeric;
alter table orders add column unvalued_fees jsonb;
-- the entry's commissions that could not be valued, carried to the round trip that closes it
alter table positions add column entry_unvalued_fees jsonb;
-- commissions of the round trip that could not be valued: not in its net_pnl, fees or gross_pnl
alter table round_trips add column unvalued_fees jsonb;

-- Before this, a third-asset commission was never valued: say so on the rows it concerns. A symbol
-- is base asset + quote asset, so an asset that ends it is the quote, one that starts it the base.
update orders
   set fee_quote = case
           when fee_asset is null or fee = 0 or right(symbol, length(fee_asset)) = fee_asset then fee
           when left(symbol, length(fee_asset)) = fee_asset then fee * coalesce(avg_price, quote_qty / executed_qty)
           else 0 end,
       unvalued_fees = case
           when fee_asset is null or fee = 0 or right(symbol, length(fee_asset)) = fee_asset
                or left(symbol, length(fee_asset)) = fee_asset then null
           else jsonb_build_object(fee_asset, fee::text) end
 where executed_qty > 0;

update positions p
   set entry_unvalued_fees = o.unvalued_fees
  from orders o
 where o.id = p.entry_order_id and o.unvalued_fees is not null and p.qty > 0;

update round_trips r
   set unvalued_fees = (select jsonb_object_agg(asset, amount::text)
                          from (select key as asset, sum(value::numeric) as amount
                                  from orders o, jsonb_each_text(o.unvalued_fees)
                                 where o.id in (r.entry_order_id, r.exit_order_id)
                                 group by key) f)
 where exists (select 1 from orders o
                where o.id in (r.entry_order_id, r.exit_order_id) and o.unvalued_fees is not null);
