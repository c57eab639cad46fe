package bot.report;

import bot.domain.Mode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The KPIs of one report row (a strategy in one mode) or of the total. Money is in the quote
 * asset; percentages are in percent. A null value is one that cannot be computed (shown as
 * {@code n/a} or JSON null), never 0 or infinity in disguise. See the README for the formulas.
 *
 * @param strategy      null for the total
 * @param mode          null for a total over both modes
 * @param openPosition  the row's open position, null when flat (and always null in the total)
 * @param openPositions how many open positions the row covers
 * @param otherFees     commissions in a third asset (BNB) that no price could be had for, per asset: not in {@code fees}
 * @param netProfitExcludes such commissions of the round trips closed in the period, per asset:
 *                      left out of every figure built on net PnL (profits, losses, expectancy,
 *                      best, worst, drawdown, ratios, equity)
 * @param unrealizedPnl the open positions' unrealised PnL summed; null when flat or a price is missing
 * @param unrealizedPnlExcludes such commissions of the open positions' entries: not in {@code unrealizedPnl}
 * @param equity        the equity curve of closed trades as a sparkline
 */
public record Kpis(
        String strategy,
        Mode mode,
        String symbol,
        long trades,
        long wins,
        long losses,
        long breakeven,
        BigDecimal winRate,
        BigDecimal grossProfit,
        BigDecimal grossLoss,
        BigDecimal netProfit,
        BigDecimal fees,
        Map<String, BigDecimal> otherFees,
        Map<String, BigDecimal> netProfitExcludes,
        BigDecimal profitFactor,
        BigDecimal expectancy,
        BigDecimal expectancyRatio,
        Duration avgDuration,
        BigDecimal best,
        BigDecimal worst,
        BigDecimal maxDrawdown,
        BigDecimal maxDrawdownPct,
        Instant maxDrawdownStart,
        Instant maxDrawdownEnd,
        BigDecimal sharpe,
        BigDecimal sortino,
        OpenPosition openPosition,
        int openPositions,
        BigDecimal unrealizedPnl,
        Map<String, BigDecimal> unrealizedPnlExcludes,
        Instant firstTrade,
        Instant lastTrade,
        String equity) {
}
