package bot.testing;

import bot.domain.Candle;
import bot.domain.Interval;
import bot.engine.CandleListener;
import bot.engine.MarketFeed;
import bot.engine.Subscription;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fake market feed a test drives candle by candle: a subscriber gets the {@code warmup} recorded
 * candles before index {@code from} as history, then each candle the test {@link #push}es, as a
 * stream would hand it over while the daemon runs.
 */
public final class SteppedFeed implements MarketFeed {
    private final List<Candle> candles;
    private final int from;
    private final List<CandleListener> listeners = new CopyOnWriteArrayList<>();
    private int next;

    public SteppedFeed(List<Candle> candles, int from) {
        this.candles = candles;
        this.from = from;
        this.next = from;
    }

    @Override
    public Subscription subscribe(String symbol, Interval interval, int warmupCandles, CandleListener listener) {
        listener.onHistory(candles.subList(Math.max(0, from - warmupCandles), from));
        listeners.add(listener);
        return Subscription.delivered();
    }

    /** Hands the next candles over, up to index {@code to} (exclusive). */
    public void pushUntil(int to) {
        for (; next < to; next++) {
            Candle candle = candles.get(next);
            listeners.forEach(l -> l.onClosed(candle));
        }
    }

    /** Index of the next candle to push. */
    public int next() {
        return next;
    }

    public Optional<Instant> firstLiveClose() {
        return Optional.of(Instant.ofEpochMilli(candles.get(from).closeTime()));
    }

    @Override
    public void close() {
        listeners.clear();
    }
}
