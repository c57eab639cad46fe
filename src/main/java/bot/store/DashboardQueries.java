package bot.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * The journal as the dashboard and the metrics read it: every query is bounded (latest N rows, an
 * equity curve bucketed in the database) and walks an index, so a journal of millions of fills
 * answers in milliseconds. Decimals stay exact (text or BigDecimal).
 */
public final class DashboardQueries {
    /** Most orders one call returns. */
    public static final int MAX_ORDERS = 500;
    private final Jdbi jdbi;

    public DashboardQueries(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * A strategy with its position, realized PnL since {@code dayStart} and its stream's last
     * stored close.
     */
    public record StrategyRow(long id, String name, String kind, String symbol, String interval, String mode,
                              boolean enabled, boolean testnet, BigDecimal positionQty, BigDecimal entryPrice,
                              BigDecimal entryCost, BigDecimal entryFeeQuote, Instant openedAt,
                              BigDecimal realizedToday, BigDecimal lastClose, Long lastCloseTime) {
    }

    /** An order as {@code bot orders --format json} shows it, with its journal id. */
    public record OrderRow(long id, String strategy, String mode, String symbol, String side, String type,
                           String status, String clientOrderId, String qty, String price, String fee,
                           String feeAsset, long candleOpenTime, Instant time) {
    }

    public record EquityPoint(Instant time, BigDecimal equity) {
    }

    public record CandleRow(long openTime, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close) {
    }

    /** An entry or exit: the filled order's side and average price on its signal candle. */
    public record Marker(long candleOpenTime, String side, BigDecimal price) {
    }

    public record OrderCount(String strategy, String side, String status, long count) {
    }

    public record FillCount(String strategy, long count) {
    }

    /** The newest ids of the journal's tables: what changed since the last look. */
    public record Latest(long order, long fill, long roundTrip) {
    }

    public List<StrategyRow> strategies(Instant dayStart) {
        return strategies(dayStart, null);
    }

    /** One strategy's row, as {@link #strategies}; empty when no strategy has that name. */
    public java.util.Optional<StrategyRow> strategy(String name, Instant dayStart) {
        return strategies(dayStart, name).stream().findFirst();
    }

    /**
     * Realized PnL comes from {@link #realizedAfter}: summing every round trip here would cost a
     * second over half a million of them.
     */
    private List<StrategyRow> strategies(Instant dayStart, String name) {
        String sql = """
                select s.id, s.name, s.kind, s.symbol, s.interval, s.mode, s.enabled, a.testnet,
                       p.qty, p.entry_price, p.entry_cost, p.entry_fee_quote, p.opened_at,
                       (select sum(t.net_pnl) from round_trips t
                         where t.strategy_id = s.id and t.closed_at >= :dayStart) as today,
                       c.close, c.close_time
                from strategies s
                join accounts a on a.id = s.account_id
                left join positions p on p.strategy_id = s.id
                left join lateral (select c.close, c.close_time from candles c
                                    where c.network = case when a.testnet then 'testnet' else 'production' end
                                      and c.symbol = s.symbol and c.interval = s.interval
                                    order by c.open_time desc limit 1) c on true
                """ + (name == null ? "" : "where s.name = :name\n") + "order by s.name";
        return jdbi.withHandle(h -> {
            Query query = h.createQuery(sql).bind("dayStart", JdbiJournal.timestamp(dayStart));
            if (name != null) {
                query.bind("name", name);
            }
            return query.map((rs, ctx) -> new StrategyRow(rs.getLong("id"), rs.getString("name"), rs.getString("kind"),
                        rs.getString("symbol"), rs.getString("interval"), rs.getString("mode"),
                        rs.getBoolean("enabled"), rs.getBoolean("testnet"), rs.getBigDecimal("qty"),
                        rs.getBigDecimal("entry_price"), rs.getBigDecimal("entry_cost"),
                        rs.getBigDecimal("entry_fee_quote"), JdbiJournal.instant(rs, "opened_at"),
                        orZero(rs.getBigDecimal("today")), rs.getBigDecimal("close"),
                        rs.getObject("close_time", Long.class)))
                    .list();
        });
    }

    /** Net PnL and count of a strategy's round trips with ids in (after, last]. */
    public record RealizedSum(long strategyId, BigDecimal netPnl, long trades, long lastId) {
    }

    /** The round trips journaled after id {@code afterId}, summed per strategy: a range of the primary key. */
    public List<RealizedSum> realizedAfter(long afterId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select strategy_id, sum(net_pnl) as pnl, count(*) as n, max(id) as last
                        from round_trips where id > :after group by strategy_id""")
                .bind("after", afterId)
                .map((rs, ctx) -> new RealizedSum(rs.getLong("strategy_id"), rs.getBigDecimal("pnl"), rs.getLong("n"),
                        rs.getLong("last"))).list());
    }

    /**
     * The newest orders (of one strategy, or all) with an id above {@code afterId} and created at or
     * after {@code since} (when given), newest first, at most {@code limit}.
     */
    public List<OrderRow> orders(String strategy, long afterId, Instant since, int limit) {
        List<String> where = new ArrayList<>(List.of("o.id > :after"));
        if (strategy != null) {
            where.add("s.name = :strategy");
        }
        if (since != null) {
            where.add("o.created_at >= :since");
        }
        String sql = """
                select o.id, s.name as strategy, o.mode, o.symbol, o.side, o.type, o.status, o.client_order_id,
                       o.executed_qty::text as qty, o.avg_price::text as price, o.fee::text as fee, o.fee_asset,
                       o.candle_open_time,
                       coalesce((select max(f.time) from fills f where f.order_id = o.id), o.updated_at) as time
                from orders o join strategies s on s.id = o.strategy_id
                """ + "where " + String.join(" and ", where) + " order by o.id desc limit :limit";
        return jdbi.withHandle(h -> {
            Query query = h.createQuery(sql).bind("after", afterId).bind("limit", Math.min(Math.max(limit, 1), MAX_ORDERS));
            if (strategy != null) {
                query.bind("strategy", strategy);
            }
            if (since != null) {
                query.bind("since", JdbiJournal.timestamp(since));
            }
            return query.map((rs, ctx) -> new OrderRow(rs.getLong("id"), rs.getString("strategy"), rs.getString("mode"),
                    rs.getString("symbol"), rs.getString("side"), rs.getString("type"), rs.getString("status"),
                    rs.getString("client_order_id"), rs.getString("qty"), rs.getString("price"), rs.getString("fee"),
                    rs.getString("fee_asset"), rs.getLong("candle_open_time"), JdbiJournal.instant(rs, "time"))).list();
        });
    }

    /**
     * The strategy's equity curve (cumulated net PnL of its round trips) in at most {@code points}
     * points: the round trips are summed per time bucket in the database, the last point of each
     * bucket kept.
     */
    public List<EquityPoint> equity(long strategy, int points) {
        String sql = """
                with t as (select r.closed_at, r.net_pnl from round_trips r where r.strategy_id = :strategy),
                     span as (select min(closed_at) as lo, max(closed_at) as hi from t)
                select max(t.closed_at) as time, sum(t.net_pnl) as pnl
                from t, span
                group by case when span.hi = span.lo then 0
                              else floor(extract(epoch from (t.closed_at - span.lo))
                                         / extract(epoch from (span.hi - span.lo)) * (:points - 1)) end
                order by 1
                """;
        List<EquityPoint> curve = new ArrayList<>();
        jdbi.useHandle(h -> {
            BigDecimal[] sum = {BigDecimal.ZERO};
            h.createQuery(sql).bind("strategy", strategy).bind("points", Math.max(points, 2))
                    .map((rs, ctx) -> {
                        sum[0] = sum[0].add(rs.getBigDecimal("pnl"));
                        return new EquityPoint(JdbiJournal.instant(rs, "time"), sum[0]);
                    }).forEach(curve::add);
        });
        return curve;
    }

    /** The latest {@code limit} stored candles of a stream, oldest first. */
    public List<CandleRow> candles(boolean testnet, String symbol, String interval, int limit) {
        List<CandleRow> rows = jdbi.withHandle(h -> h.createQuery("""
                        select open_time, open, high, low, close from candles
                        where network = :network and symbol = :symbol and interval = :interval
                        order by open_time desc limit :limit""")
                .bind("network", testnet ? "testnet" : "production").bind("symbol", symbol).bind("interval", interval)
                .bind("limit", limit)
                .map((rs, ctx) -> new CandleRow(rs.getLong("open_time"), rs.getBigDecimal("open"), rs.getBigDecimal("high"),
                        rs.getBigDecimal("low"), rs.getBigDecimal("close"))).list());
        List<CandleRow> oldestFirst = new ArrayList<>(rows);
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    /** The strategy's filled orders on signal candles opened at or after {@code fromOpenTime}. */
    public List<Marker> markers(long strategy, long fromOpenTime) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select o.candle_open_time, o.side, o.avg_price from orders o
                        where o.strategy_id = :strategy and o.candle_open_time >= :from and o.executed_qty > 0
                        order by o.candle_open_time limit 1000""")
                .bind("strategy", strategy).bind("from", fromOpenTime)
                .map((rs, ctx) -> new Marker(rs.getLong("candle_open_time"), rs.getString("side"),
                        rs.getBigDecimal("avg_price"))).list());
    }

    /** Orders in the journal by strategy, side and status: what {@code bot orders} lists, counted. */
    public List<OrderCount> orderCounts() {
        return jdbi.withHandle(h -> h.createQuery("""
                        select s.name, o.side, o.status, count(*) as n from orders o
                        join strategies s on s.id = o.strategy_id group by s.name, o.side, o.status""")
                .map((rs, ctx) -> new OrderCount(rs.getString("name"), rs.getString("side"), rs.getString("status"),
                        rs.getLong("n"))).list());
    }

    public List<FillCount> fillCounts() {
        return jdbi.withHandle(h -> h.createQuery("""
                        select s.name, count(*) as n from fills f join orders o on o.id = f.order_id
                        join strategies s on s.id = o.strategy_id group by s.name""")
                .map((rs, ctx) -> new FillCount(rs.getString("name"), rs.getLong("n"))).list());
    }

    public Latest latest() {
        return jdbi.withHandle(h -> h.createQuery("""
                        select coalesce((select max(id) from orders), 0) as o,
                               coalesce((select max(id) from fills), 0) as f,
                               coalesce((select max(id) from round_trips), 0) as r""")
                .map((rs, ctx) -> new Latest(rs.getLong("o"), rs.getLong("f"), rs.getLong("r"))).one());
    }

    /** Whether the database answers at all. */
    public void ping() {
        jdbi.useHandle(h -> h.createQuery("select 1").mapTo(Integer.class).one());
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    /** The instance holding a strategy's lease: it trades the strategy. */
    public record Holder(String strategy, String host, long pid, java.time.Instant since) {
    }

    /** Which instance holds each strategy's lease now, by strategy name (several instances share a database). */
    public Map<String, Holder> holders() {
        Map<String, Holder> holders = new java.util.HashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                select s.name, l.host, l.pid, l.since from strategy_leases l join strategies s on s.id = l.strategy_id
                where l.expires_at > now()""")
                .map((rs, ctx) -> new Holder(rs.getString("name"), rs.getString("host"), rs.getLong("pid"),
                        rs.getTimestamp("since").toInstant()))
                .forEach(holder -> holders.put(holder.strategy(), holder)));
        return holders;
    }
}
