package bot.report;

import bot.domain.Mode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Turns a row's journal sums, equity curve and open positions into its KPIs (formulas in the README). */
final class KpiCalculator {
    static final int SPARKLINE_WIDTH = 24;
    private static final int MONEY_SCALE = 8;
    private static final int RATIO_SCALE = 4;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private KpiCalculator() {
    }

    /**
     * @param open the row's open positions (at most one for a strategy row)
     * @param capital the stake at risk: base of the drawdown percent and of the daily returns
     * @param netExcludes the unvalued commissions of the round trips, per asset
     */
    static Kpis of(String strategy, Mode mode, String symbol, TradeTotals t, FeeTotals fees, EquityCurve curve,
            List<OpenPosition> open, BigDecimal capital, Map<String, BigDecimal> netExcludes) {
        long n = t.trades();
        BigDecimal lossSize = t.grossLoss().negate();
        Drawdown dd = curve.drawdown(t.firstOpened(), capital);
        double[] returns = capital == null || capital.signum() <= 0 ? new double[0] : curve.dailyReturns(capital);
        Instant first = t.firstOpened();
        Instant last = t.lastClosed();
        BigDecimal unrealized = open.isEmpty() ? null : BigDecimal.ZERO;
        Map<String, BigDecimal> unrealizedExcludes = new TreeMap<>();
        for (OpenPosition p : open) {
            p.unvaluedEntryFees().forEach((asset, amount) -> unrealizedExcludes.merge(asset, amount, BigDecimal::add));
            first = Extremes.min(first, p.openedAt());
            last = Extremes.max(last, p.openedAt());
            BigDecimal pnl = p.unrealizedPnl();
            unrealized = unrealized == null || pnl == null ? null : unrealized.add(pnl);
        }
        return new Kpis(strategy, mode, symbol, n, t.wins(), t.losses(), n - t.wins() - t.losses(),
                n == 0 ? null : percent(BigDecimal.valueOf(t.wins()), BigDecimal.valueOf(n)),
                t.grossProfit(), t.grossLoss(), t.netProfit(), fees.quote(), fees.sortedOtherAssets(),
                new TreeMap<>(netExcludes),
                t.losses() == 0 ? null : t.grossProfit().divide(lossSize, RATIO_SCALE, RoundingMode.HALF_EVEN),
                n == 0 ? null : t.netProfit().divide(BigDecimal.valueOf(n), MONEY_SCALE, RoundingMode.HALF_EVEN),
                t.losses() == 0 ? null : t.netProfit().multiply(BigDecimal.valueOf(t.losses()))
                        .divide(lossSize.multiply(BigDecimal.valueOf(n)), RATIO_SCALE, RoundingMode.HALF_EVEN),
                n == 0 ? null : Duration.ofSeconds(t.durationSeconds()
                        .divide(BigDecimal.valueOf(n), 0, RoundingMode.HALF_UP).longValueExact()),
                t.best(), t.worst(),
                dd == null ? null : dd.amount(), dd == null ? null : dd.percent(),
                dd == null ? null : dd.start(), dd == null ? null : dd.end(),
                DailyRatios.sharpe(returns), DailyRatios.sortino(returns),
                open.size() == 1 && strategy != null ? open.get(0) : null, open.size(), unrealized,
                unrealizedExcludes,
                first, last, Sparkline.of(curve.isEmpty() ? new double[0] : curve.points(), SPARKLINE_WIDTH));
    }

    private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return part.multiply(HUNDRED).divide(whole, 2, RoundingMode.HALF_EVEN);
    }
}
