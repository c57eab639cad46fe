package bot.store;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Risk limits, halts and resumes as the commands write them and a daemon reads them. Every write
 * is one transaction that announces {@link Changes.Topic#RISK}, so running daemons apply it at once.
 */
public final class RiskRepository {

    /** One limit as stored. */
    public record StoredLimit(String scopeKind, String scopeName, String key, String value, Instant updatedAt) {
    }

    /** A halt ({@code limitKey} null) or a trip in force. */
    public record StoredBlock(long id, String scopeKind, String scopeName, String limitKey, String reason,
                              BigDecimal value, BigDecimal threshold, boolean flatten, Instant at, Instant until) {
    }

    /** The last resume of a scope. */
    public record StoredResume(String scopeKind, String scopeName, Instant at) {
    }

    private final Jdbi jdbi;

    public RiskRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Sets (adds or replaces) the scope's limits. */
    public void setLimits(String scopeKind, String scopeName, Map<String, String> values) {
        jdbi.useTransaction(h -> {
            for (Map.Entry<String, String> e : values.entrySet()) {
                h.createUpdate("""
                        insert into risk_limits (scope_kind, scope_name, key, value) values (:kind, :name, :key, :value)
                        on conflict (scope_kind, scope_name, key) do update set value = excluded.value, updated_at = now()""")
                        .bind("kind", scopeKind).bind("name", scopeName).bind("key", e.getKey())
                        .bind("value", e.getValue()).execute();
            }
            Changes.announce(h, Changes.Topic.RISK);
        });
    }

    /** Removes the scope's limits named (all of them when {@code keys} is empty); how many went. */
    public int clearLimits(String scopeKind, String scopeName, Collection<String> keys) {
        return jdbi.inTransaction(h -> {
            int removed = h.createUpdate("delete from risk_limits where scope_kind = :kind and scope_name = :name"
                            + " and (cardinality(:keys) = 0 or key = any(:keys))")
                    .bind("kind", scopeKind).bind("name", scopeName)
                    .bindArray("keys", String.class, List.copyOf(keys))
                    .execute();
            Changes.announce(h, Changes.Topic.RISK);
            return removed;
        });
    }

    /** Every limit, by scope and key. */
    public List<StoredLimit> limits() {
        return jdbi.withHandle(h -> h.createQuery("""
                select scope_kind, scope_name, key, value, updated_at from risk_limits
                order by scope_kind, scope_name, key""")
                .map((rs, ctx) -> new StoredLimit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant())).list());
    }

    /** The scope's limits, by key. */
    public Map<String, String> limitsOf(String scopeKind, String scopeName) {
        return jdbi.withHandle(h -> h.createQuery(
                "select key, value from risk_limits where scope_kind = :kind and scope_name = :name")
                .bind("kind", scopeKind).bind("name", scopeName)
                .setMapKeyColumn("key").setMapValueColumn("value")
                .collectInto(new org.jdbi.v3.core.generic.GenericType<java.util.TreeMap<String, String>>() { }));
    }

    /** Halts the scope (a second halt replaces the first's reason), journaled. */
    public void halt(String scopeKind, String scopeName, String reason, boolean flatten, Instant at) {
        jdbi.useTransaction(h -> {
            h.createUpdate("""
                    insert into risk_blocks (scope_kind, scope_name, kind, reason, flatten, at)
                    values (:kind, :name, 'halt', :reason, :flatten, :at)
                    on conflict (scope_kind, scope_name, coalesce(limit_key, '')) do update set
                        reason = excluded.reason, flatten = excluded.flatten, at = excluded.at,
                        id = nextval('risk_blocks_id_seq')""")
                    .bind("kind", scopeKind).bind("name", scopeName).bind("reason", reason).bind("flatten", flatten)
                    .bind("at", Timestamp.from(at)).execute();
            event(h, "halt", scopeKind, scopeName, reason + (flatten ? " (flatten)" : ""), at);
            Changes.announce(h, Changes.Topic.RISK);
        });
    }

    /**
     * Lifts the scope's halts and trips ({@code all}: every scope's), journaled; the halts and trips
     * it lifted.
     */
    public List<StoredBlock> resume(String scopeKind, String scopeName, Instant at) {
        return jdbi.inTransaction(h -> {
            List<StoredBlock> lifted = h.createQuery("delete from risk_blocks"
                            + " where :kind = 'all' or (scope_kind = :kind and scope_name = :name)"
                            + " returning " + BLOCK_COLUMNS)
                    .bind("kind", scopeKind).bind("name", scopeName)
                    .map((rs, ctx) -> block(rs)).list();
            event(h, "resume", scopeKind, scopeName, null, at);
            Changes.announce(h, Changes.Topic.RISK);
            return lifted;
        });
    }

    private static final String BLOCK_COLUMNS = "id, scope_kind, scope_name, limit_key, reason, value, threshold,"
            + " flatten, at, until";

    /** The halts and trips in force (a trip whose "until" passed included: the reader drops it). */
    public List<StoredBlock> blocks() {
        return jdbi.withHandle(h -> h.createQuery("select " + BLOCK_COLUMNS + " from risk_blocks order by id")
                .map((rs, ctx) -> block(rs)).list());
    }

    /** Each scope's last resume. */
    public List<StoredResume> resumes() {
        return jdbi.withHandle(h -> h.createQuery("""
                select scope_kind, scope_name, max(at) from risk_events where event = 'resume'
                group by scope_kind, scope_name""")
                .map((rs, ctx) -> new StoredResume(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .list());
    }

    /** Denied entries per reason, for the strategies {@code filter} selects, in its period. */
    public Map<String, Long> denials(JournalFilter filter) {
        return jdbi.withHandle(h -> {
            var query = h.createQuery("""
                    select d.reason, count(*) from risk_denials d
                    join strategies s on s.id = d.strategy_id join accounts a on a.id = s.account_id
                    where (cast(:strategy as text) is null or s.name = :strategy)
                      and (cast(:account as text) is null or a.name = :account)
                      and (cast(:mode as text) is null or s.mode = :mode)
                      and (cast(:since as timestamptz) is null or d.at >= :since)
                      and (cast(:until as timestamptz) is null or d.at < :until)
                    group by d.reason order by d.reason""");
            query.bind("strategy", filter.strategy()).bind("account", filter.account())
                    .bind("mode", filter.mode() == null ? null : filter.mode().code())
                    .bind("since", filter.since() == null ? null : Timestamp.from(filter.since()))
                    .bind("until", filter.until() == null ? null : Timestamp.from(filter.until()));
            return query.setMapKeyColumn("reason").setMapValueColumn("count")
                    .collectInto(new org.jdbi.v3.core.generic.GenericType<java.util.TreeMap<String, Long>>() { });
        });
    }

    private static void event(Handle h, String event, String scopeKind, String scopeName, String reason, Instant at) {
        h.createUpdate("""
                insert into risk_events (at, event, scope_kind, scope_name, reason)
                values (:at, :event, :kind, :name, :reason)""")
                .bind("at", Timestamp.from(at)).bind("event", event).bind("kind", scopeKind).bind("name", scopeName)
                .bind("reason", reason).execute();
    }

    private static StoredBlock block(ResultSet rs) throws SQLException {
        Timestamp until = rs.getTimestamp("until");
        return new StoredBlock(rs.getLong("id"), rs.getString("scope_kind"), rs.getString("scope_name"),
                rs.getString("limit_key"), rs.getString("reason"), rs.getBigDecimal("value"),
                rs.getBigDecimal("threshold"), rs.getBoolean("flatten"), rs.getTimestamp("at").toInstant(),
                until == null ? null : until.toInstant());
    }
}
