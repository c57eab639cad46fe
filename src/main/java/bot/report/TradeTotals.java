package bot.report;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Sums over the closed round trips of one row, as the journal query aggregates them. Money is in
 * the quote asset; a trade is a win when its net PnL is above zero and a loss when below.
 *
 * @param durationSeconds sum over the round trips of (closed_at - opened_at) in seconds
 * @param capital         the largest entry value of the round trips: the stake the strategy puts at risk
 * @param best            null when there is no round trip, as are worst, capital and the times
 */
public record TradeTotals(
        long trades,
        long wins,
        long losses,
        BigDecimal grossProfit,
        BigDecimal grossLoss,
        BigDecimal netProfit,
        BigDecimal best,
        BigDecimal worst,
        BigDecimal durationSeconds,
        BigDecimal capital,
        Instant firstOpened,
        Instant lastClosed) {

    public static final TradeTotals NONE = new TradeTotals(0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO,
            BigDecimal.ZERO, null, null, BigDecimal.ZERO, null, null, null);

    /** The totals of both rows together; capital adds up, as both stakes are at risk at once. */
    public TradeTotals plus(TradeTotals o) {
        return new TradeTotals(trades + o.trades, wins + o.wins, losses + o.losses,
                grossProfit.add(o.grossProfit), grossLoss.add(o.grossLoss), netProfit.add(o.netProfit),
                Extremes.max(best, o.best), Extremes.min(worst, o.worst),
                durationSeconds.add(o.durationSeconds), Extremes.sum(capital, o.capital),
                Extremes.min(firstOpened, o.firstOpened), Extremes.max(lastClosed, o.lastClosed));
    }
}
