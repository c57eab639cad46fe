package bot.engine;

import bot.domain.Interval;

/** Closed candles of many streams, each delivered exactly once and in order. */
public interface MarketFeed extends AutoCloseable {

    /**
     * Registers a stream before {@link #start()}: its listener first gets the last
     * {@code warmupCandles} closed candles, then every later closed candle.
     */
    void subscribe(String symbol, Interval interval, int warmupCandles, CandleListener listener);

    /** Warms up and opens the connections. */
    void start();

    /** Closes the connections; no listener is called after it returns. */
    @Override
    void close();
}
