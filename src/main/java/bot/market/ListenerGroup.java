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
 * The listeners of one stream (several strategies may watch the same symbol and interval), each
 * with the warm-up it asked for. A listener that throws is logged and the others still get the
 * candle; nothing is delivered once the feed is closed.
 */
final class ListenerGroup implements CandleListener {
    private static final Logger log = LoggerFactory.getLogger(ListenerGroup.class);

    private final KlineStream stream;
    private final List<Member> members = new ArrayList<>();
    private final List<CandleListener> listeners = new ArrayList<>();
    private final AtomicBoolean feedClosed;

    record Member(CandleListener listener, int warmupCandles) {
    }

    ListenerGroup(KlineStream stream, AtomicBoolean feedClosed) {
        this.stream = stream;
        this.feedClosed = feedClosed;
    }

    void add(CandleListener listener, int warmupCandles) {
        members.add(new Member(listener, warmupCandles));
        listeners.add(listener);
    }

    /** The most warm-up candles any listener asked for. */
    int warmupCandles() {
        return members.stream().mapToInt(Member::warmupCandles).max().orElse(0);
    }

    /** Each listener gets the last of {@code closedCandles} it asked for. */
    @Override
    public void onHistory(List<Candle> closedCandles) {
        for (Member member : members) {
            int from = Math.max(0, closedCandles.size() - member.warmupCandles());
            try {
                member.listener().onHistory(List.copyOf(closedCandles.subList(from, closedCandles.size())));
            } catch (RuntimeException e) {
                failed(e);
            }
        }
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
            if (feedClosed.get()) {
                return;
            }
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                failed(e);
            }
        }
    }

    private void failed(RuntimeException e) {
        log.error("a candle listener failed", kv("symbol", stream.symbol()), kv("interval", stream.interval().code()), e);
    }
}
