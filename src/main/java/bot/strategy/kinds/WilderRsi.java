package bot.strategy.kinds;

import java.math.BigDecimal;

/**
 * Relative strength index with Wilder's smoothing over closes: the first averages are the mean gain
 * and loss of the first {@code period} changes, then avg = (avg x (period - 1) + change) / period.
 * An indicator, so it computes in double; price decisions stay exact elsewhere.
 */
final class WilderRsi {
    private final int period;
    private BigDecimal lastClose;
    private int changes;
    private double avgGain;
    private double avgLoss;

    WilderRsi(int period) {
        this.period = period;
    }

    void add(BigDecimal close) {
        if (lastClose != null) {
            double change = close.subtract(lastClose).doubleValue();
            double gain = Math.max(change, 0);
            double loss = Math.max(-change, 0);
            changes++;
            if (changes <= period) {
                avgGain += gain / period;
                avgLoss += loss / period;
            } else {
                avgGain = (avgGain * (period - 1) + gain) / period;
                avgLoss = (avgLoss * (period - 1) + loss) / period;
            }
        }
        lastClose = close;
    }

    boolean ready() {
        return changes >= period;
    }

    /** 0..100; 100 when nothing was lost, 50 when nothing moved at all. */
    double value() {
        if (avgLoss == 0) {
            return avgGain == 0 ? 50 : 100;
        }
        return 100 - 100 / (1 + avgGain / avgLoss);
    }
}
