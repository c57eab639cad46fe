package bot.testing;

import bot.domain.Candle;
import bot.domain.Interval;
import bot.engine.CandleListener;
import bot.engine.MarketFeed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fake market feed replaying recorded candles: on {@link #start()} each subscriber gets the
 * {@code warmup} candles before index {@code from} as history, then candles [from, to) as closed
 * ones, from the calling thread (a runner only enqueues them).
 */
public final class ReplayFeed implements MarketFeed {
    private final Map<String, List<Candle>> candlesBySymbol;
    private final int from;
    private final int to;
    private final Runnable afterStart;
    private final List<Subscription> subscriptions = new ArrayList<>();
    private boolean closed;

    private record Subscription(String symbol, int warmup, CandleListener listener) {
    }

    public ReplayFeed(Map<String, List<Candle>> candlesBySymbol, int from, int to, Runnable afterStart) {
        this.candlesBySymbol = candlesBySymbol;
        this.from = from;
        this.to = to;
        this.afterStart = afterStart;
    }

    @Override
    public void subscribe(String symbol, Interval interval, int warmupCandles, CandleListener listener) {
        subscriptions.add(new Subscription(symbol, warmupCandles, listener));
    }

    @Override
    public void start() {
        for (Subscription s : subscriptions) {
            List<Candle> all = candlesBySymbol.getOrDefault(s.symbol(), List.of());
            int start = Math.min(from, all.size());
            s.listener().onHistory(all.subList(Math.max(0, start - s.warmup()), start));
            for (Candle candle : all.subList(start, Math.min(to, all.size()))) {
                s.listener().onClosed(candle);
            }
        }
        afterStart.run();
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
