package bot.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/** The strategy_status table: written by the daemon running each strategy, read by {@code bot status}. */
public final class StatusRepository {
    private final Jdbi jdbi;

    public StatusRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Which process publishes: its id, host and pid, and when it started. */
    public record Instance(String id, String host, long pid, Instant startedAt) {
    }

    /** One strategy's published state; every field but the first three may be null. */
    public record Published(long strategyId, String state, String reason, Long lastCandleOpenTime,
                            Long lastCandleCloseTime, BigDecimal lastClose, Long candleLagMillis,
                            BigDecimal positionQty, BigDecimal entryPrice, BigDecimal unrealizedPnl) {
    }

    /**
     * Writes the rows in one transaction, with a heartbeat of the database's now(). A strategy taken
     * over from another instance (or first published) gets a new taken_at; the same instance keeps its own.
     */
    public void publish(Instance instance, List<Published> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbi.useTransaction(h -> {
            PreparedBatch batch = h.prepareBatch("""
                    insert into strategy_status (strategy_id, instance_id, host, pid, instance_started_at, taken_at,
                        heartbeat_at, stopped_at, state, reason, last_candle_open_time, last_candle_close_time, last_close,
                        candle_lag_ms, position_qty, entry_price, unrealized_pnl)
                    values (:strategyId, :instanceId, :host, :pid, :startedAt, now(), now(), null, :state, :reason,
                        :lastCandleOpenTime, :lastCandleCloseTime, :lastClose, :candleLagMillis, :positionQty,
                        :entryPrice, :unrealizedPnl)
                    on conflict (strategy_id) do update set
                        taken_at = case when strategy_status.instance_id = excluded.instance_id
                                        then strategy_status.taken_at else excluded.taken_at end,
                        instance_id = excluded.instance_id, host = excluded.host, pid = excluded.pid,
                        instance_started_at = excluded.instance_started_at, heartbeat_at = excluded.heartbeat_at,
                        stopped_at = null,
                        state = excluded.state, reason = excluded.reason,
                        last_candle_open_time = excluded.last_candle_open_time,
                        last_candle_close_time = excluded.last_candle_close_time, last_close = excluded.last_close,
                        candle_lag_ms = excluded.candle_lag_ms, position_qty = excluded.position_qty,
                        entry_price = excluded.entry_price, unrealized_pnl = excluded.unrealized_pnl""");
            for (Published row : rows) {
                batch.bind("instanceId", instance.id()).bind("host", instance.host()).bind("pid", instance.pid())
                        .bind("startedAt", JdbiJournal.timestamp(instance.startedAt()))
                        .bindMethods(row).add();
            }
            batch.execute();
        });
    }

    /** Marks the instance's rows as those of a daemon that stopped cleanly: no daemon runs them now. */
    public void stopped(Instance instance) {
        jdbi.useHandle(h -> h.createUpdate("update strategy_status set stopped_at = now() where instance_id = :id")
                .bind("id", instance.id()).execute());
    }

    /** What {@code bot status} shows of one enabled strategy; the status fields are null when none was ever published. */
    public record Row(String strategy, String mode, String symbol, String interval,
                      String state, String reason, String host, Long pid, Instant takenAt, Instant heartbeatAt,
                      Double heartbeatAgeSeconds, Instant stoppedAt, Long lastCandleOpenTime, Long lastCandleCloseTime, String lastClose,
                      Long candleLagMillis, String positionQty, String entryPrice, String unrealizedPnl,
                      LastOrder lastOrder) {
    }

    /** A strategy's newest order, as the journal has it. */
    public record LastOrder(String side, String status, String clientOrderId, String qty, String price, Instant time) {
    }

    /** Every enabled strategy, by name, with its published state and its newest order. */
    public List<Row> enabled() {
        return jdbi.withHandle(h -> h.createQuery("""
                select s.name, s.mode, s.symbol, s.interval, st.state, st.reason, st.host, st.pid, st.taken_at,
                       st.heartbeat_at, st.stopped_at, extract(epoch from (now() - st.heartbeat_at))::float8 as heartbeat_age,
                       st.last_candle_open_time, st.last_candle_close_time, st.last_close::text as last_close,
                       st.candle_lag_ms, st.position_qty::text as position_qty, st.entry_price::text as entry_price,
                       st.unrealized_pnl::text as unrealized_pnl,
                       o.side, o.status, o.client_order_id, o.executed_qty::text as qty, o.avg_price::text as price,
                       o.updated_at as order_time
                from strategies s
                left join strategy_status st on st.strategy_id = s.id
                left join lateral (select * from orders o where o.strategy_id = s.id
                                   order by o.created_at desc, o.id desc limit 1) o on true
                where s.enabled
                order by s.name""").map((rs, ctx) -> new Row(rs.getString("name"), rs.getString("mode"),
                rs.getString("symbol"), rs.getString("interval"), rs.getString("state"), rs.getString("reason"),
                rs.getString("host"), (Long) rs.getObject("pid"), JdbiJournal.instant(rs, "taken_at"),
                JdbiJournal.instant(rs, "heartbeat_at"), (Double) rs.getObject("heartbeat_age"), JdbiJournal.instant(rs, "stopped_at"),
                (Long) rs.getObject("last_candle_open_time"), (Long) rs.getObject("last_candle_close_time"),
                rs.getString("last_close"), (Long) rs.getObject("candle_lag_ms"), rs.getString("position_qty"),
                rs.getString("entry_price"), rs.getString("unrealized_pnl"),
                rs.getString("client_order_id") == null ? null : new LastOrder(rs.getString("side"),
                        rs.getString("status"), rs.getString("client_order_id"), rs.getString("qty"),
                        rs.getString("price"), JdbiJournal.instant(rs, "order_time")))).list());
    }
}
