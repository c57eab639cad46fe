package bot.bench;

import bot.domain.Candle;
import bot.domain.Interval;
import java.math.BigDecimal;

/**
 * Candles made up on demand and always the same for a symbol, interval and open time, so the
 * loopback exchange's REST history and its streams agree without storing anything.
 */
interface SyntheticMarket {

    Candle candle(String symbol, Interval interval, long openTime);

    /**
     * Prices that wobble by up to 0.1% around a level of their own per symbol, with a 1% dip on
     * one candle in 512: mean_reversion (window 20, threshold 0.5%) buys the dip and sells the next
     * candle, so on 1s candles a strategy trades a round trip every eight minutes or so.
     */
    static SyntheticMarket noisy() {
        return (symbol, interval, openTime) -> {
            long base = 10_000 + Math.floorMod(symbol.hashCode(), 5000) * 10L; // 100.00 .. 50,090.00
            long close = level(symbol, openTime, base);
            long open = level(symbol, openTime - interval.nominalMillis(), base);
            return candle(symbol, interval, openTime, open, close);
        };
    }

    /**
     * Closes alternating between 90.00 and 100.00: mean_reversion with window 2 buys every low
     * and sells every high, so every closed candle is a signal.
     */
    static SyntheticMarket sawtooth() {
        return (symbol, interval, openTime) -> {
            boolean low = (openTime / interval.nominalMillis()) % 2 == 1;
            return candle(symbol, interval, openTime, low ? 10_000 : 9_000, low ? 9_000 : 10_000);
        };
    }

    private static long level(String symbol, long openTime, long base) {
        long h = mix(symbol.hashCode() * 0x9E3779B97F4A7C15L ^ openTime);
        double u = (h >>> 11) * 0x1.0p-53;
        double change = (h & 1023) < 2 ? -0.01 : (u - 0.5) * 0.002;
        return base + Math.round(base * change);
    }

    /** SplitMix64's finaliser: a well-spread hash of a long. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static Candle candle(String symbol, Interval interval, long openTime, long openCents, long closeCents) {
        long high = Math.max(openCents, closeCents) + 1;
        long low = Math.min(openCents, closeCents) - 1;
        return new Candle(symbol, interval, openTime, openTime + interval.nominalMillis() - 1,
                BigDecimal.valueOf(openCents, 2), BigDecimal.valueOf(high, 2), BigDecimal.valueOf(low, 2),
                BigDecimal.valueOf(closeCents, 2), new BigDecimal("1.50000000"), BigDecimal.valueOf(closeCents * 150, 4),
                10, true);
    }
}
