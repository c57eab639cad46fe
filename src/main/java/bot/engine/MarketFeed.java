package bot.engine;

import bot.domain.Interval;

/** Closed candles of many streams, each delivered exactly once and in order to each listener. */
public interface MarketFeed extends AutoCloseable {

    /**
     * Adds a listener to a stream, at any time (other streams may be running already). It first
     * gets the last {@code warmupCandles} closed candles, then every later closed candle. Returns at
     * once: the warm-up happens in the background, insisting through transient failures, and the
     * returned subscription says when it is done or why the stream cannot be had.
     */
    Subscription subscribe(String symbol, Interval interval, int warmupCandles, CandleListener listener);

    /** Closes the connections; no listener is called after it returns; pending subscriptions fail. */
    @Override
    void close();
}
