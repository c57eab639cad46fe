package bot.domain;

import java.math.BigDecimal;

/**
 * One kline as Binance publishes it. Prices and volumes are exact decimals; times are epoch
 * milliseconds UTC ({@code closeTime = next open time - 1}). {@code closed} is Binance's {@code x}.
 */
public record Candle(
        String symbol,
        Interval interval,
        long openTime,
        long closeTime,
        BigDecimal open,
        BigDecimal high,
        BigDecimal low,
        BigDecimal close,
        BigDecimal volume,
        BigDecimal quoteVolume,
        long trades,
        boolean closed) {

    /** Why this candle is impossible, or null when it is sound. */
    public String defect() {
        if (open.signum() <= 0 || high.signum() <= 0 || low.signum() <= 0 || close.signum() <= 0) {
            return "non-positive price";
        }
        if (high.compareTo(low) < 0) {
            return "high below low";
        }
        if (high.compareTo(open) < 0 || high.compareTo(close) < 0
                || low.compareTo(open) > 0 || low.compareTo(close) > 0) {
            return "open or close outside [low, high]";
        }
        if (volume.signum() < 0) {
            return "negative volume";
        }
        if (closeTime < openTime) {
            return "close time before open time";
        }
        return null;
    }
}
