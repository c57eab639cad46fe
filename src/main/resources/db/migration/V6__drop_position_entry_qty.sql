-- positions.entry_qty (the executed quantity of the entry order) was written but never read: the
-- sellable quantity (qty), the entry's cost and its commissions are what an exit needs.
-- (V4 and V5 are another change's.)
alter table positions drop column entry_qty;
