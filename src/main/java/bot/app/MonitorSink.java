package bot.app;

import bot.domain.Candle;
import bot.domain.Interval;
import java.time.Duration;
import java.time.Instant;

/**
 * Where {@link MetricsObserver} reports what it sees of the trading, in plain values: metrics and health
 * implement it. Called from runner and feed threads: an implementation only records, never blocks.
 */
public interface MonitorSink {

    /** The daemon subscribed to {@code stream} (e.g. {@code production/BTCUSDT@1m}). */
    void streamSubscribed(String stream, Interval interval, Instant at);

    /** A closed candle of {@code stream} arrived at {@code arrivedAt} (the daemon's clock). */
    void candleClosed(String stream, Interval interval, Candle closed, Instant arrivedAt);

    /** The exchange (or the paper simulator) answered a {@code call} (submit, lookup) after {@code took}. */
    void orderAnswered(String strategy, String call, Duration took);

    /** A pre-trade check denied an order. */
    void denied(String strategy, String side, String reason);
}
