package bot.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Collects what the journal says about each row (its round-trip sums, its fees, its open position
 * and, in close order, every closed trade) and computes the report. The total's equity curve is
 * the merge of all rows' trades, fed in the same close order.
 */
public final class ReportAssembler {
    private final Map<StrategyKey, Row> rows = new HashMap<>();
    private final EquityCurve totalCurve = new EquityCurve();

    private static final class Row {
        final String symbol;
        TradeTotals trades = TradeTotals.NONE;
        FeeTotals fees = FeeTotals.NONE;
        OpenPosition open;
        final Map<String, BigDecimal> netExcludes = new TreeMap<>();
        final EquityCurve curve = new EquityCurve();

        Row(String symbol) {
            this.symbol = symbol;
        }

        /** The largest entry value: of the round trips, or of the open position. */
        BigDecimal capital() {
            return open == null ? trades.capital() : Extremes.max(trades.capital(), open.entryValue());
        }

        List<OpenPosition> openPositions() {
            return open == null ? List.of() : List.of(open);
        }
    }

    public void trades(StrategyKey key, String symbol, TradeTotals totals) {
        Row row = row(key, symbol);
        row.trades = row.trades.plus(totals);
    }

    public void fees(StrategyKey key, String symbol, FeeTotals fees) {
        Row row = row(key, symbol);
        row.fees = row.fees.plus(fees);
    }

    /** Commissions without a price of the row's round trips: left out of their net PnL. */
    public void unvaluedTradeFees(StrategyKey key, String symbol, String asset, BigDecimal amount) {
        row(key, symbol).netExcludes.merge(asset, amount, BigDecimal::add);
    }

    public void openPosition(StrategyKey key, OpenPosition position) {
        row(key, position.symbol()).open = position;
    }

    /** One closed round trip; calls must come in close order (ties in any fixed order). */
    public void closedTrade(StrategyKey key, String symbol, Instant closedAt, BigDecimal netPnl) {
        row(key, symbol).curve.add(closedAt, netPnl);
        totalCurve.add(closedAt, netPnl);
    }

    public Report build() {
        List<Kpis> strategies = new ArrayList<>();
        TradeTotals trades = TradeTotals.NONE;
        FeeTotals fees = FeeTotals.NONE;
        List<OpenPosition> open = new ArrayList<>();
        BigDecimal capital = null;
        Map<String, BigDecimal> netExcludes = new TreeMap<>();
        for (Map.Entry<StrategyKey, Row> e : new TreeMap<>(rows).entrySet()) {
            Row row = e.getValue();
            strategies.add(KpiCalculator.of(e.getKey().strategy(), e.getKey().mode(), row.symbol, row.trades,
                    row.fees, row.curve, row.openPositions(), row.capital(), row.netExcludes));
            row.netExcludes.forEach((asset, amount) -> netExcludes.merge(asset, amount, BigDecimal::add));
            trades = trades.plus(row.trades);
            fees = fees.plus(row.fees);
            open.addAll(row.openPositions());
            capital = Extremes.sum(capital, row.capital());
        }
        Kpis total = KpiCalculator.of(null, common(strategies, Kpis::mode), common(strategies, Kpis::symbol),
                trades, fees, totalCurve, open, capital, netExcludes);
        return new Report(strategies, total);
    }

    private Row row(StrategyKey key, String symbol) {
        return rows.computeIfAbsent(key, k -> new Row(symbol));
    }

    /** The value all rows share, or null when they differ (or there is none). */
    private static <T> T common(List<Kpis> rows, Function<Kpis, T> field) {
        T value = rows.isEmpty() ? null : field.apply(rows.get(0));
        for (Kpis row : rows) {
            if (!Objects.equals(value, field.apply(row))) {
                return null;
            }
        }
        return value;
    }
}
