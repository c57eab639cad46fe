package bot.strategy;

import bot.domain.Candle;

/**
 * A trading strategy. Only its runner's thread calls it, so it needs no locks. It sees warm-up
 * candles too (to fill its history) but orders placed then are ignored: it never trades on them.
 */
public interface Strategy {

    /** How many closed candles of history it needs before its first decision. */
    int warmupCandles();

    /** Called with each closed candle exactly once, in order. */
    void onCandle(Candle closed, StrategyContext context);

    /** Called with in-progress updates of the forming candle; most strategies ignore them. */
    default void onTick(Candle forming, StrategyContext context) {
    }
}
