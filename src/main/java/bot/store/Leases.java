package bot.store;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * One instance's leases on strategies, in the tables lease_instances and strategy_leases.
 * <p>
 * Why lease rows and not advisory locks: a session-level advisory lock lives and dies with one
 * connection, which a pool recycles and a proxy (PgBouncer, a managed service's failover) may
 * drop or share, and the journal's insert on another connection cannot check it; an
 * expiring row with an epoch is visible to any connection, so the journal's insert checks it in
 * the same statement (fencing), and {@code bot status} can read who holds what since when.
 * <p>
 * Every time is the database's {@code now()}: hosts with skewed clocks still agree on expiry.
 * The epochs this instance holds are kept here too: {@link JdbiJournal} reads them to fence its
 * inserts. One thread (the daemon's lease round) calls the writing methods.
 */
public final class Leases {
    /** This process as the lease tables name it. */
    public record Instance(String id, String host, long pid) {
    }

    /** A strategy's lease as stored: held when it has not expired. */
    public record Lease(long strategyId, long epoch, String holder, String host, long pid, java.time.Instant since,
                        boolean held) {
    }

    private final Jdbi jdbi;
    private final Instance me;
    private final Duration ttl;
    private final Map<Long, Long> epochs = new ConcurrentHashMap<>();
    /** When each lease runs out by this process's monotonic clock, counted from before the statement that set it. */
    private final Map<Long, Long> deadlines = new ConcurrentHashMap<>();

    public Leases(Jdbi jdbi, Instance me, Duration ttl) {
        this.jdbi = jdbi;
        this.me = me;
        this.ttl = ttl;
    }

    public Instance instance() {
        return me;
    }

    /** The epoch of {@code strategyId}'s lease while this instance holds it. */
    public OptionalLong epoch(long strategyId) {
        Long epoch = epochs.get(strategyId);
        return epoch == null ? OptionalLong.empty() : OptionalLong.of(epoch);
    }

    /**
     * How long {@code strategyId}'s lease has left by this process's own clock (0 when not held):
     * never more than the database's, since it counts from before the statement that renewed it.
     */
    public Duration left(long strategyId) {
        Long deadline = deadlines.get(strategyId);
        if (deadline == null || !epochs.containsKey(strategyId)) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }

    /** Registers this instance (or renews its row) and tells the others, so that they make room for it. */
    public void join() {
        jdbi.useTransaction(h -> {
            h.createUpdate("""
                    insert into lease_instances (id, host, pid, expires_at)
                    values (:id, :host, :pid, now() + cast(:ttl as interval))
                    on conflict (id) do update set expires_at = excluded.expires_at""")
                    .bind("id", me.id()).bind("host", me.host()).bind("pid", me.pid()).bind("ttl", interval())
                    .execute();
            Changes.announce(h, Changes.Topic.STRATEGIES);
        });
    }

    /**
     * Renews this instance and every lease it still holds, in one transaction; returns the
     * strategies held now. A lease that expired meanwhile (the process was frozen, the database
     * unreachable) is not renewed, even if nobody took it: it is taken again, with a new epoch,
     * through the start-up path.
     */
    public Map<Long, Long> renew() {
        long deadline = System.nanoTime() + ttl.toNanos();
        Map<Long, Long> held = jdbi.inTransaction(h -> {
            h.createUpdate("""
                    insert into lease_instances (id, host, pid, expires_at)
                    values (:id, :host, :pid, now() + cast(:ttl as interval))
                    on conflict (id) do update set expires_at = excluded.expires_at""")
                    .bind("id", me.id()).bind("host", me.host()).bind("pid", me.pid()).bind("ttl", interval())
                    .execute();
            Map<Long, Long> renewed = new HashMap<>();
            h.createQuery("""
                    update strategy_leases set renewed_at = now(), expires_at = now() + cast(:ttl as interval)
                    where holder = :id and expires_at > now()
                    returning strategy_id, epoch""")
                    .bind("id", me.id()).bind("ttl", interval())
                    .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                    .forEach(e -> renewed.put(e.getKey(), e.getValue()));
            return renewed;
        });
        epochs.keySet().retainAll(held.keySet());
        held.forEach((id, epoch) -> {
            if (!epoch.equals(epochs.get(id))) {
                epochs.remove(id); // taken and given back meanwhile: not the lease this instance took
            } else {
                deadlines.put(id, deadline);
            }
        });
        deadlines.keySet().retainAll(epochs.keySet());
        return Map.copyOf(epochs);
    }

    /** How many instances are alive (this one included): their row was renewed within the TTL. */
    public int liveInstances() {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from lease_instances where expires_at > now()")
                .mapTo(Integer.class).one());
    }

    /**
     * Takes {@code strategyId}'s lease if nobody holds it (never held, released, or expired),
     * bumping its epoch; the new epoch, or empty when another instance holds it. A holder
     * whose insert is in progress keeps the row locked (see {@link JdbiJournal}), so the take
     * waits for that insert and the new holder's reconciliation sees its order.
     */
    public OptionalLong take(long strategyId) {
        long deadline = System.nanoTime() + ttl.toNanos();
        OptionalLong epoch = jdbi.withHandle(h -> h.createQuery("""
                insert into strategy_leases as l (strategy_id, epoch, holder, host, pid, since, renewed_at, expires_at)
                values (:strategyId, 1, :id, :host, :pid, now(), now(), now() + cast(:ttl as interval))
                on conflict (strategy_id) do update set epoch = l.epoch + 1, holder = excluded.holder,
                       host = excluded.host, pid = excluded.pid, since = now(), renewed_at = now(),
                       expires_at = excluded.expires_at
                where l.expires_at <= now()
                returning epoch""")
                .bind("strategyId", strategyId).bind("id", me.id()).bind("host", me.host()).bind("pid", me.pid())
                .bind("ttl", interval())
                .mapTo(Long.class).findOne()
                .map(OptionalLong::of).orElse(OptionalLong.empty()));
        epoch.ifPresent(e -> {
            deadlines.put(strategyId, deadline);
            epochs.put(strategyId, e);
        });
        return epoch;
    }

    /** Gives {@code strategyId}'s lease up at once and tells the other instances, so that one takes it over now. */
    public void release(long strategyId) {
        Long epoch = epochs.remove(strategyId);
        deadlines.remove(strategyId);
        if (epoch == null) {
            return;
        }
        jdbi.useTransaction(h -> {
            expire(h, List.of(strategyId));
            Changes.announce(h, Changes.Topic.STRATEGIES);
        });
    }

    /** A clean stop: every lease given up and this instance gone, the others told at once. */
    public void leave() {
        List<Long> held = List.copyOf(epochs.keySet());
        epochs.clear();
        deadlines.clear();
        jdbi.useTransaction(h -> {
            expire(h, held);
            h.createUpdate("delete from lease_instances where id = :id").bind("id", me.id()).execute();
            Changes.announce(h, Changes.Topic.STRATEGIES);
        });
    }

    /** Every strategy's lease as stored, by strategy id (for bot list and bot status). */
    public static Map<Long, Lease> all(Jdbi jdbi) {
        Map<Long, Lease> leases = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                select strategy_id, epoch, holder, host, pid, since, expires_at > now() as held from strategy_leases""")
                .map((rs, ctx) -> new Lease(rs.getLong("strategy_id"), rs.getLong("epoch"), rs.getString("holder"),
                        rs.getString("host"), rs.getLong("pid"), rs.getTimestamp("since").toInstant(),
                        rs.getBoolean("held")))
                .forEach(l -> leases.put(l.strategyId(), l)));
        return leases;
    }

    private void expire(Handle h, List<Long> strategyIds) {
        h.createUpdate("""
                update strategy_leases set expires_at = now()
                where holder = :id and strategy_id = any(:ids) and expires_at > now()""")
                .bind("id", me.id()).bind("ids", strategyIds.toArray(Long[]::new))
                .execute();
    }

    private String interval() {
        return ttl.toMillis() + " milliseconds";
    }
}
