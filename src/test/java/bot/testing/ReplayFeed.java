package bot.testing;

import bot.domain.Candle;
import bot.domain.Interval;
import bot.engine.CandleListener;
import bot.engine.MarketFeed;
import bot.engine.Subscription;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A fake market feed replaying recorded candles: each subscriber gets, on the subscribing thread,
 * the {@code warmup} candles before index {@code from} as history, then candles [from, to) as closed
 * ones (a runner only enqueues them). {@code afterReplay} runs once, after the first subscriber of a
 * symbol with candles has had them all.
 */
public final class ReplayFeed implements MarketFeed {
    private final Map<String, List<Candle>> candlesBySymbol;
    private final int from;
    private final int to;
    private final Runnable afterReplay;
    private final AtomicBoolean replayed = new AtomicBoolean();
    private volatile boolean closed;

    public ReplayFeed(Map<String, List<Candle>> candlesBySymbol, int from, int to, Runnable afterReplay) {
        this.candlesBySymbol = candlesBySymbol;
        this.from = from;
        this.to = to;
        this.afterReplay = afterReplay;
    }

    @Override
    public Subscription subscribe(String symbol, Interval interval, int warmupCandles, CandleListener listener) {
        List<Candle> all = candlesBySymbol.getOrDefault(symbol, List.of());
        int start = Math.min(from, all.size());
        listener.onHistory(all.subList(Math.max(0, start - warmupCandles), start));
        for (Candle candle : all.subList(start, Math.min(to, all.size()))) {
            listener.onClosed(candle);
        }
        if (!all.isEmpty() && !replayed.getAndSet(true)) {
            afterReplay.run();
        }
        return Subscription.delivered();
    }

    /** When the first candle handed over as closed (not as history) closed; empty when there is none. */
    public Optional<Instant> firstLiveClose() {
        return candlesBySymbol.values().stream().filter(all -> all.size() > from)
                .map(all -> Instant.ofEpochMilli(all.get(from).closeTime())).min(Instant::compareTo);
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
    }
}
