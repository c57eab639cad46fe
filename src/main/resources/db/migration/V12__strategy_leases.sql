-- Several `bot start` processes on one database: each strategy is traded by the one instance that
-- holds its lease. Times are the database's own (now()), so the hosts' clocks do not matter.

-- Every running `bot start`, renewed with its leases; a row whose expires_at passed is a dead instance.
create table lease_instances (
    id          text        primary key,   -- a random id per process
    host        text        not null,
    pid         bigint      not null,
    started_at  timestamptz not null default now(),
    expires_at  timestamptz not null
);

-- Who trades a strategy. epoch is the fencing token: it grows at every take-over, and the journal
-- accepts an order only from the holder of the current epoch while the lease runs.
create table strategy_leases (
    strategy_id  bigint      primary key references strategies (id) on delete cascade,
    epoch        bigint      not null,
    holder       text        not null,    -- lease_instances.id (not a foreign key: the row outlives its instance)
    host         text        not null,
    pid          bigint      not null,
    since        timestamptz not null,    -- when this holder took it
    renewed_at   timestamptz not null,
    expires_at   timestamptz not null
);
create index strategy_leases_holder_idx on strategy_leases (holder);
