package bot.testing;

import bot.domain.Candle;
import bot.domain.Interval;
import bot.engine.CandleListener;
import bot.engine.MarketFeed;
import bot.engine.Subscription;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A market that moves on in real time, the same for every process that agrees on its start: the
 * recorded candles (one symbol) from index {@code from}, candle {@code from + k} closing {@code k + 1}
 * ticks after the wall-clock instant {@code start}. Like Binance's stream, a subscriber gets the
 * closed candles before now as history, then each candle as it closes; so instances started at
 * different times, or one taking over from another, see one market. {@link #clock()} is the
 * market's time (a minute per tick), for the daemon.
 */
public final class PacedFeed implements MarketFeed {
    private final List<Candle> candles;
    private final int from;
    private final long startMillis;
    private final long tickMillis;
    private final Set<Thread> deliveries = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    public PacedFeed(List<Candle> candles, int from, long startMillis, long tickMillis) {
        this.candles = candles;
        this.from = from;
        this.startMillis = startMillis;
        this.tickMillis = tickMillis;
    }

    /** The market's time: the first candle's open at {@code start}, then a minute per tick. */
    public Clock clock() {
        long origin = candles.get(from).openTime();
        return new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(millis());
            }

            @Override
            public long millis() {
                return origin + (System.currentTimeMillis() - startMillis) * 60_000 / tickMillis;
            }
        };
    }

    /** The index of the last candle closed by now (from - 1 before the first closes). */
    private int lastClosed() {
        return from - 1 + (int) Math.max(0, (System.currentTimeMillis() - startMillis) / tickMillis);
    }

    @Override
    public Subscription subscribe(String symbol, Interval interval, int warmupCandles, CandleListener listener) {
        int last = Math.min(lastClosed(), candles.size() - 1);
        listener.onHistory(candles.subList(Math.max(0, last + 1 - warmupCandles), last + 1));
        Thread[] thread = new Thread[1];
        Subscription subscription = new Subscription(() -> {
            if (thread[0] != null) {
                thread[0].interrupt();
            }
        });
        thread[0] = Thread.ofVirtual().name("paced-" + symbol).unstarted(() -> {
            try {
                for (int i = last + 1; i < candles.size() && !closed; i++) {
                    long due = startMillis + (i - from + 1) * tickMillis;
                    long wait = due - System.currentTimeMillis();
                    if (wait > 0) {
                        Thread.sleep(wait);
                    }
                    if (closed) {
                        return;
                    }
                    listener.onClosed(candles.get(i));
                }
            } catch (InterruptedException e) {
                // cancelled or closed
            } finally {
                deliveries.remove(Thread.currentThread());
            }
        });
        deliveries.add(thread[0]);
        thread[0].start();
        subscription.ready();
        return subscription;
    }

    @Override
    public void close() {
        closed = true;
        deliveries.forEach(Thread::interrupt);
    }
}
