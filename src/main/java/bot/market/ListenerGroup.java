package bot.market;

import static net.logstash.logback.argument.StructuredArguments.kv;

import bot.domain.Candle;
import bot.engine.CandleListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live listeners of one stream (several strategies may watch the same symbol and interval).
 * A listener that throws is logged and the others still get the candle; nothing is delivered once
 * the feed is closed. Used by its stream's worker thread only.
 */
final class ListenerGroup implements CandleListener {
    private static final Logger log = LoggerFactory.getLogger(ListenerGroup.class);

    private final KlineStream stream;
    private final List<CandleListener> listeners = new ArrayList<>();
    private final AtomicBoolean feedClosed;

    ListenerGroup(KlineStream stream, AtomicBoolean feedClosed) {
        this.stream = stream;
        this.feedClosed = feedClosed;
    }

    /** A listener joins with its history: it gets {@code history} now, then every candle the group gets. */
    void join(CandleListener listener, List<Candle> history) {
        call(() -> listener.onHistory(List.copyOf(history)));
        listeners.add(listener);
    }

    void leave(CandleListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void onHistory(List<Candle> closedCandles) {
        throw new UnsupportedOperationException("each listener gets its own history when it joins");
    }

    @Override
    public void onClosed(Candle closed) {
        each(listener -> listener.onClosed(closed));
    }

    @Override
    public void onTick(Candle forming) {
        each(listener -> listener.onTick(forming));
    }

    private void each(Consumer<CandleListener> call) {
        for (CandleListener listener : listeners) {
            call(() -> call.accept(listener));
        }
    }

    private void call(Runnable delivery) {
        if (feedClosed.get()) {
            return;
        }
        try {
            delivery.run();
        } catch (RuntimeException e) {
            log.error("a candle listener failed", kv("symbol", stream.symbol()), kv("interval", stream.interval().code()),
                    e);
        }
    }
}
