package bot.testing;

import bot.domain.Candle;
import bot.domain.Interval;
import bot.engine.CandleListener;
import bot.engine.MarketFeed;
import bot.engine.Subscription;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A market feed of recorded candles that a test moves on: subscribers get the warm-up history
 * before candle {@code from}, then each closed candle only when {@link #advance} hands it over. The
 * daemon's clock is the test's: left before the candles' closes, no entry is ever stale.
 */
public final class AdvancingFeed implements MarketFeed {
    private final List<Candle> candles;
    private final int from;
    private final List<CandleListener> listeners = new CopyOnWriteArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private int next;

    public AdvancingFeed(List<Candle> candles, int from) {
        this.candles = candles;
        this.from = from;
        this.next = from;
    }

    @Override
    public Subscription subscribe(String symbol, Interval interval, int warmupCandles, CandleListener listener) {
        lock.lock();
        try {
            listener.onHistory(candles.subList(Math.max(0, from - warmupCandles), from));
            listeners.add(listener);
        } finally {
            lock.unlock();
        }
        return Subscription.delivered();
    }

    /** Hands the next {@code n} closed candles to every subscriber; returns the index of the next one. */
    public int advance(int n) {
        lock.lock();
        try {
            for (int i = 0; i < n && next < candles.size(); i++, next++) {
                Candle candle = candles.get(next);
                listeners.forEach(l -> l.onClosed(candle));
            }
            return next;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        listeners.clear();
    }
}
