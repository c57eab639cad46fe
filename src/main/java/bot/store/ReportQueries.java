package bot.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * The journal queries behind {@code bot report}. Counts, sums and extremes are aggregated in SQL
 * per strategy and mode; only the equity curve needs the trades one by one, and for it a compact
 * projection (strategy, mode, close time, net PnL) is streamed in close order. The strategy and
 * account filters are resolved to strategy ids first, so the big tables are read without joins.
 * Run them in REPEATABLE READ transactions sharing one snapshot: they then see the same journal
 * while the daemon keeps writing.
 */
public final class ReportQueries {
    private final Handle handle;
    private final JournalFilter filter;
    private final Map<Long, StrategyRow> strategies;

    /** The strategies the filter's names select, by id. */
    public record StrategyRow(long id, String name, String symbol) {
    }

    /** Sums of one strategy's closed round trips in one mode (see the README's KPI table). */
    public record TradeSums(long strategyId, String mode, long trades, long wins, long losses,
            BigDecimal grossProfit, BigDecimal grossLoss, BigDecimal netProfit, BigDecimal best, BigDecimal worst,
            BigDecimal durationSeconds, BigDecimal maxEntryValue, Instant firstOpened, Instant lastClosed) {
    }

    /**
     * Commissions of one strategy's executed orders in one mode, symbol and commission asset:
     * their sum, their sum valued at each order's average fill price, and {@code valued} the sum
     * of the orders' own valuation in the quote asset (null when these orders have none yet: only
     * a final answer values an order's commissions).
     */
    public record FeeSum(long strategyId, String mode, String symbol, String asset, BigDecimal amount,
            BigDecimal amountTimesPrice, BigDecimal valued) {
    }

    /** Commissions in one asset that no price could be had for, summed over one strategy's rows in one mode. */
    public record UnvaluedSum(long strategyId, String mode, String asset, BigDecimal amount) {
    }

    /**
     * An open position, its entry order's value and commission, and the last stored close.
     * {@code entryQuoteFee} is the position's own record of the entry commissions its net PnL will
     * subtract (null on positions older than that record); {@code unvaluedFees} the entry
     * commissions without a price, as jsonb text (null for none).
     */
    public record OpenPositionRow(long strategyId, String mode, String symbol, BigDecimal qty,
            BigDecimal entryPrice, BigDecimal entryValue, BigDecimal entryFee, String entryFeeAsset,
            Instant openedAt, BigDecimal lastClose, Instant lastCloseTime, BigDecimal entryQuoteFee,
            Map<String, BigDecimal> unvaluedFees) {
    }

    /** Receives the closed round trips in close order. */
    @FunctionalInterface
    public interface ClosedTradeSink {
        void accept(long strategyId, String mode, Instant closedAt, BigDecimal netPnl);
    }

    /** Queries on {@code handle}; selects the strategies the filter names. */
    public ReportQueries(Handle handle, JournalFilter filter) {
        this.handle = handle;
        this.filter = filter;
        this.strategies = selectStrategies();
    }

    /** Queries on {@code handle} for strategies already selected (on another handle of the same snapshot). */
    public ReportQueries(Handle handle, JournalFilter filter, Map<Long, StrategyRow> strategies) {
        this.handle = handle;
        this.filter = filter;
        this.strategies = Map.copyOf(strategies);
    }

    public Map<Long, StrategyRow> strategies() {
        return strategies;
    }

    public boolean strategyExists(String name) {
        return exists("select exists (select 1 from strategies where name = :name)", name);
    }

    public boolean accountExists(String name) {
        return exists("select exists (select 1 from accounts where name = :name)", name);
    }

    public List<TradeSums> tradeSums() {
        String sql = """
                select strategy_id, mode,
                       count(*),
                       count(*) filter (where net_pnl > 0),
                       count(*) filter (where net_pnl < 0),
                       coalesce(sum(net_pnl) filter (where net_pnl > 0), 0),
                       coalesce(sum(net_pnl) filter (where net_pnl < 0), 0),
                       sum(net_pnl), max(net_pnl), min(net_pnl),
                       extract(epoch from sum(closed_at - opened_at)),
                       max(entry_value), min(opened_at), max(closed_at)
                  from round_trips
                """ + where("closed_at") + " group by strategy_id, mode";
        return bind(handle.createQuery(sql)).map((rs, ctx) -> new TradeSums(rs.getLong(1), rs.getString(2),
                rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getBigDecimal(6), rs.getBigDecimal(7),
                rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getBigDecimal(10), rs.getBigDecimal(11),
                rs.getBigDecimal(12), instant(rs.getObject(13, OffsetDateTime.class)),
                instant(rs.getObject(14, OffsetDateTime.class)))).list();
    }

    /** Orders that executed something, by the time they were placed; valued and not yet valued apart. */
    public List<FeeSum> feeSums() {
        String sql = """
                select strategy_id, mode, symbol, coalesce(fee_asset, ''), sum(fee),
                       sum(fee * coalesce(avg_price, quote_qty / executed_qty)), sum(fee_quote)
                  from orders
                """ + where("created_at", "executed_qty > 0", "(fee <> 0 or fee_quote <> 0)")
                + " group by strategy_id, mode, symbol, fee_asset, fee_quote is null";
        return bind(handle.createQuery(sql)).map((rs, ctx) -> new FeeSum(rs.getLong(1), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7)))
                .list();
    }

    /** The commissions without a price of the orders that executed something, by the time they were placed. */
    public List<UnvaluedSum> unvaluedFees() {
        return unvalued("orders", "created_at");
    }

    /** The commissions without a price of the round trips closed in the period: not in their net PnL. */
    public List<UnvaluedSum> unvaluedTradeFees() {
        return unvalued("round_trips", "closed_at");
    }

    private List<UnvaluedSum> unvalued(String table, String timeColumn) {
        String sql = "select strategy_id, mode, f.key, sum(cast(f.value as numeric)) from " + table
                + " cross join lateral jsonb_each_text(unvalued_fees) f"
                + where(timeColumn, "unvalued_fees is not null") + " group by strategy_id, mode, f.key";
        return bind(handle.createQuery(sql)).map((rs, ctx) -> new UnvaluedSum(rs.getLong(1), rs.getString(2),
                rs.getString(3), rs.getBigDecimal(4))).list();
    }

    /**
     * Open positions with the close of their strategy's last stored candle on its account's
     * network (closed before --until when given). --since does not hide a position still held.
     */
    public List<OpenPositionRow> openPositions() {
        List<String> conditions = new ArrayList<>(List.of("p.qty > 0"));
        if (filter.byName()) {
            conditions.add("p.strategy_id = any(:ids)");
        }
        if (filter.mode() != null) {
            conditions.add("coalesce(o.mode, s.mode) = :mode");
        }
        if (filter.until() != null) {
            conditions.add("p.opened_at < :until");
        }
        String sql = """
                select p.strategy_id, coalesce(o.mode, s.mode), p.symbol, p.qty, p.entry_price,
                       coalesce(o.quote_qty, p.entry_cost), coalesce(o.fee, 0), o.fee_asset, p.opened_at,
                       c.close, c.close_time, p.entry_quote_fee, p.entry_unvalued_fees::text
                  from positions p
                  join strategies s on s.id = p.strategy_id
                  join accounts a on a.id = s.account_id
                  left join orders o on o.id = p.entry_order_id
                  left join lateral (
                        select k.close, k.close_time from candles k
                         where k.network = case when a.testnet then 'testnet' else 'production' end
                           and k.symbol = p.symbol and k.interval = s.interval
                """ + (filter.until() != null ? " and k.close_time < :untilMillis" : "") + """
                         order by k.open_time desc limit 1) c on true
                """ + " where " + String.join(" and ", conditions);
        Query query = bindNamesAndMode(handle.createQuery(sql));
        if (filter.until() != null) {
            query.bind("until", filter.until().atOffset(ZoneOffset.UTC));
            query.bind("untilMillis", filter.until().toEpochMilli());
        }
        return query.map((rs, ctx) -> new OpenPositionRow(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getString(8),
                instant(rs.getObject(9, OffsetDateTime.class)), rs.getBigDecimal(10),
                rs.getObject(11) == null ? null : Instant.ofEpochMilli(rs.getLong(11)), rs.getBigDecimal(12),
                AssetAmounts.fromJson(rs.getString(13)))).list();
    }

    /**
     * Streams (strategy, mode, close time, net PnL) of the round trips in close order. The close
     * time travels as float8 epoch seconds, which is cheaper than a timestamp and still exact to
     * the microsecond for centuries around now.
     */
    public void closedTrades(ClosedTradeSink sink) {
        String sql = "select strategy_id, mode, date_part('epoch', closed_at), net_pnl from round_trips"
                + where("closed_at") + " order by closed_at, id";
        handle.execute("set local work_mem = '64MB'"); // sorts in memory when the index cannot serve
        bind(handle.createQuery(sql)).setFetchSize(20_000).map((rs, ctx) -> {
            long micros = Math.round(rs.getDouble(3) * 1e6);
            sink.accept(rs.getLong(1), rs.getString(2), Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                    Math.floorMod(micros, 1_000_000L) * 1000L), rs.getBigDecimal(4));
            return Boolean.TRUE;
        }).forEach(ignored -> { });
    }

    private Map<Long, StrategyRow> selectStrategies() {
        String sql = """
                select s.id, s.name, s.symbol from strategies s join accounts a on a.id = s.account_id
                 where (cast(:strategy as text) is null or s.name = :strategy)
                   and (cast(:account as text) is null or a.name = :account)
                """;
        Map<Long, StrategyRow> rows = new LinkedHashMap<>();
        handle.createQuery(sql).bind("strategy", filter.strategy()).bind("account", filter.account())
                .map((rs, ctx) -> new StrategyRow(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .forEach(row -> rows.put(row.id(), row));
        return rows;
    }

    private boolean exists(String sql, String name) {
        return handle.createQuery(sql).bind("name", name).mapTo(Boolean.class).one();
    }

    private String where(String timeColumn, String... more) {
        List<String> conditions = new ArrayList<>(List.of(more));
        if (filter.byName()) {
            conditions.add("strategy_id = any(:ids)");
        }
        if (filter.mode() != null) {
            conditions.add("mode = :mode");
        }
        if (filter.since() != null) {
            conditions.add(timeColumn + " >= :since");
        }
        if (filter.until() != null) {
            conditions.add(timeColumn + " < :until");
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions) + "\n";
    }

    private Query bindNamesAndMode(Query query) {
        if (filter.byName()) {
            query.bindArray("ids", Long.class, List.copyOf(strategies.keySet()));
        }
        if (filter.mode() != null) {
            query.bind("mode", filter.mode().code());
        }
        return query;
    }

    private Query bind(Query query) {
        bindNamesAndMode(query);
        if (filter.since() != null) {
            query.bind("since", filter.since().atOffset(ZoneOffset.UTC));
        }
        if (filter.until() != null) {
            query.bind("until", filter.until().atOffset(ZoneOffset.UTC));
        }
        return query;
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
