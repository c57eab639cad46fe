-- bot report reads the round trips in close order (its equity curve) and by close time (--since,
-- --until): with this index PostgreSQL walks them in order instead of sorting every round trip.
create index round_trips_closed_idx on round_trips (closed_at, id);
