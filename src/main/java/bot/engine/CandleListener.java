package bot.engine;

import bot.domain.Candle;
import java.util.List;

/**
 * Receives one stream's candles from a {@link MarketFeed}. Calls may come from the feed's threads:
 * an implementation only hands the candle over (a runner enqueues it), it never blocks.
 */
public interface CandleListener {

    /** The warm-up history: closed candles before the live ones, oldest first; called once, first. */
    void onHistory(List<Candle> closedCandles);

    /** Each later closed candle exactly once, in open-time order, gaps filled. */
    void onClosed(Candle closed);

    /** An in-progress update of the forming candle ({@code x = false}). */
    default void onTick(Candle forming) {
    }
}
