package bot.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/** Reads the order journal for people: oldest first, decimals as the text PostgreSQL stores. */
public final class OrderHistory {
    private final Jdbi jdbi;

    public OrderHistory(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * One order as {@code bot orders} shows it. {@code qty} is the executed quantity, {@code price}
     * the average fill price (null before a fill), {@code time} the last fill's time or else the last
     * status change.
     */
    public record Row(String strategy, String mode, String symbol, String side, String type, String status,
                      String clientOrderId, String qty, String price, String fee, String feeAsset,
                      long candleOpenTime, Instant time) {
    }

    public boolean strategyExists(String name) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from strategies where name = :name")
                .bind("name", name).mapTo(Integer.class).one()) > 0;
    }

    /** Orders of one strategy (or all) created at or after {@code since} (or ever), oldest first. */
    public List<Row> list(Optional<String> strategy, Optional<Instant> since) {
        List<String> where = new ArrayList<>();
        strategy.ifPresent(s -> where.add("s.name = :strategy"));
        since.ifPresent(s -> where.add("o.created_at >= :since"));
        String sql = """
                select s.name as strategy, o.mode, o.symbol, o.side, o.type, o.status, o.client_order_id,
                       o.executed_qty::text as qty, o.avg_price::text as price, o.fee::text as fee, o.fee_asset,
                       o.candle_open_time,
                       coalesce((select max(f.time) from fills f where f.order_id = o.id), o.updated_at) as time
                from orders o join strategies s on s.id = o.strategy_id
                """ + (where.isEmpty() ? "" : "where " + String.join(" and ", where) + "\n")
                + "order by o.created_at, o.id";
        return jdbi.withHandle(h -> {
            Query query = h.createQuery(sql);
            strategy.ifPresent(s -> query.bind("strategy", s));
            since.ifPresent(s -> query.bind("since", JdbiJournal.timestamp(s)));
            return query.map((rs, ctx) -> new Row(rs.getString("strategy"), rs.getString("mode"), rs.getString("symbol"),
                    rs.getString("side"), rs.getString("type"), rs.getString("status"), rs.getString("client_order_id"),
                    rs.getString("qty"), rs.getString("price"), rs.getString("fee"), rs.getString("fee_asset"),
                    rs.getLong("candle_open_time"), JdbiJournal.instant(rs, "time"))).list();
        });
    }

    /** The orders of a stored backtest run, oldest first; empty when it has none. */
    public List<Row> listRun(long runId) {
        return jdbi.withHandle(h -> h.createQuery("""
                select coalesce(r.strategy, r.kind) as strategy, 'paper' as mode, o.symbol, o.side, o.type, o.status,
                       o.client_order_id, o.executed_qty::text as qty, o.avg_price::text as price, o.fee::text as fee,
                       o.fee_asset, o.candle_open_time, o.time
                from backtest_orders o join backtest_runs r on r.id = o.run_id
                where o.run_id = :run order by o.seq""")
                .bind("run", runId)
                .map((rs, ctx) -> new Row(rs.getString("strategy"), rs.getString("mode"), rs.getString("symbol"),
                        rs.getString("side"), rs.getString("type"), rs.getString("status"), rs.getString("client_order_id"),
                        rs.getString("qty"), rs.getString("price"), rs.getString("fee"), rs.getString("fee_asset"),
                        rs.getLong("candle_open_time"), JdbiJournal.instant(rs, "time"))).list());
    }

    public boolean runExists(long runId) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from backtest_runs where id = :id")
                .bind("id", runId).mapTo(Integer.class).one()) > 0;
    }

    /** The strategy's orders on signal candles opened at or after {@code fromOpenTime}, in the order they were placed. */
    public List<bot.backtest.Decision> decisions(String strategy, long fromOpenTime) {
        return jdbi.withHandle(h -> h.createQuery("""
                select o.candle_open_time, o.side, o.status, o.executed_qty, o.avg_price, o.reason
                from orders o join strategies s on s.id = o.strategy_id
                where s.name = :strategy and o.candle_open_time >= :from order by o.id""")
                .bind("strategy", strategy)
                .bind("from", fromOpenTime)
                .map((rs, ctx) -> new bot.backtest.Decision(rs.getLong(1), bot.domain.Side.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getString(6)))
                .list());
    }
}
