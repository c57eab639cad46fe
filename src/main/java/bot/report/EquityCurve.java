package bot.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Arrays;

/**
 * The equity curve of closed trades: cumulative net PnL, starting at zero, stepping at each round
 * trip's close. It is fed one trade at a time, in close order, so a million trades need no list of
 * them: it keeps the running peak, the largest drawdown so far, the net PnL of each UTC day, and
 * up to {@value #MAX_POINTS} evenly spaced points of the curve for the sparkline.
 */
public final class EquityCurve {
    private static final long SECONDS_PER_DAY = 86_400;
    private static final int MAX_POINTS = 1024;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private BigDecimal equity = BigDecimal.ZERO;
    private BigDecimal peak = BigDecimal.ZERO;
    private Instant peakTime;
    private BigDecimal maxDrawdown = BigDecimal.ZERO;
    private BigDecimal drawdownPeak;
    private Instant drawdownStart;
    private Instant drawdownEnd;
    private Instant last;
    private long trades;

    private long[] days = new long[16];
    private BigDecimal[] dayPnl = new BigDecimal[16];
    private int dayCount;

    // points[i] is the equity after trade i x stride (point 0: the starting zero)
    private final double[] points = new double[MAX_POINTS];
    private int pointCount = 1;
    private long stride = 1;

    /** Adds a round trip closed at {@code closedAt}; trades must come in close order. */
    public void add(Instant closedAt, BigDecimal netPnl) {
        if (last != null && closedAt.isBefore(last)) {
            throw new IllegalArgumentException("trades out of close order: " + closedAt + " after " + last);
        }
        last = closedAt;
        trades++;
        equity = equity.add(netPnl);
        if (equity.compareTo(peak) > 0) {
            peak = equity;
            peakTime = closedAt;
        } else {
            BigDecimal fall = peak.subtract(equity);
            if (fall.compareTo(maxDrawdown) > 0) {
                maxDrawdown = fall;
                drawdownPeak = peak;
                drawdownStart = peakTime;
                drawdownEnd = closedAt;
            }
        }
        addToDay(Math.floorDiv(closedAt.getEpochSecond(), SECONDS_PER_DAY), netPnl);
        if (trades % stride == 0) {
            if (pointCount == MAX_POINTS) {
                // full: keep every other point and sample half as often from now on
                for (int i = 0; i < MAX_POINTS / 2; i++) {
                    points[i] = points[2 * i];
                }
                pointCount = MAX_POINTS / 2;
                stride *= 2;
            }
            if (trades % stride == 0) {
                points[pointCount++] = equity.doubleValue();
            }
        }
    }

    private void addToDay(long day, BigDecimal netPnl) {
        if (dayCount > 0 && days[dayCount - 1] == day) {
            dayPnl[dayCount - 1] = dayPnl[dayCount - 1].add(netPnl);
            return;
        }
        if (dayCount == days.length) {
            days = Arrays.copyOf(days, dayCount * 2);
            dayPnl = Arrays.copyOf(dayPnl, dayCount * 2);
        }
        days[dayCount] = day;
        dayPnl[dayCount++] = netPnl;
    }

    public boolean isEmpty() {
        return trades == 0;
    }

    /**
     * The largest drawdown, in the quote asset and in percent of the equity at its peak, where
     * equity = capital + cumulative net PnL. Null when there is no trade.
     *
     * @param origin  when the curve starts (the first entry): the start of a drawdown from zero
     * @param capital the stake at risk (positive), or null when unknown (then no percent)
     */
    public Drawdown drawdown(Instant origin, BigDecimal capital) {
        if (isEmpty()) {
            return null;
        }
        if (maxDrawdown.signum() == 0) {
            return new Drawdown(BigDecimal.ZERO, capital == null ? null : BigDecimal.ZERO, null, null);
        }
        BigDecimal percent = null;
        BigDecimal base = capital == null ? null : capital.add(drawdownPeak);
        if (base != null && base.signum() > 0) {
            percent = maxDrawdown.multiply(HUNDRED).divide(base, 2, RoundingMode.HALF_EVEN);
        }
        return new Drawdown(maxDrawdown, percent, drawdownStart == null ? origin : drawdownStart, drawdownEnd);
    }

    /**
     * One return per UTC calendar day from the first close's day to the last close's day, days
     * without a close included as 0: the day's net PnL divided by {@code capital}. Empty when
     * there is no trade.
     */
    public double[] dailyReturns(BigDecimal capital) {
        if (isEmpty()) {
            return new double[0];
        }
        long first = days[0];
        double[] returns = new double[Math.toIntExact(days[dayCount - 1] - first + 1)];
        double base = capital.doubleValue();
        for (int i = 0; i < dayCount; i++) {
            returns[(int) (days[i] - first)] = dayPnl[i].doubleValue() / base;
        }
        return returns;
    }

    /** Evenly spaced points of the curve: 0, then the equity after every stride-th trade, then the last. */
    public double[] points() {
        double[] copy = Arrays.copyOf(points, pointCount + 1);
        copy[pointCount] = equity.doubleValue();
        return trades % stride == 0 ? Arrays.copyOf(copy, pointCount) : copy;
    }
}
