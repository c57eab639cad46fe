package bot.market;

import static net.logstash.logback.argument.StructuredArguments.kv;

import bot.domain.Candle;
import bot.domain.Interval;
import bot.engine.CandleListener;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one stream's updates into the exactly-once, in-order sequence of closed candles. It
 * remembers the last closed candle delivered; a closed candle that does not follow it, a tick of
 * a later candle, or a reconnection first fetches the missed closed candles and delivers them;
 * anything at or before the last delivered one is a duplicate and dropped. Single-threaded: its
 * stream's worker calls it, so REST calls never run on a WebSocket reader thread.
 */
final class GapFiller {
    static final long NONE = Long.MIN_VALUE;
    private static final Logger log = LoggerFactory.getLogger(GapFiller.class);

    private final KlineStream stream;
    private final Interval interval;
    private final CandleHistory history;
    private final CandleListener listener;
    private long last;
    /** Open time of the forming candle whose ticks already asked for a fill (ask once per candle). */
    private long tickFillFor = NONE;

    /** @param lastDelivered open time of the last closed candle the listener has (warm-up), or {@link #NONE} */
    GapFiller(KlineStream stream, CandleHistory history, CandleListener listener, long lastDelivered) {
        this.stream = stream;
        this.interval = stream.interval();
        this.history = history;
        this.listener = listener;
        this.last = lastDelivered;
    }

    void accept(Candle candle) {
        if (candle.closed()) {
            closed(candle);
        } else {
            tick(candle);
        }
    }

    /** After a (re)connection: whatever closed while no connection listened. */
    void resync() {
        if (last != NONE) {
            fill(interval.next(last), Long.MAX_VALUE);
        }
    }

    long lastDelivered() {
        return last;
    }

    private void closed(Candle candle) {
        if (last != NONE) {
            if (candle.openTime() <= last) {
                log.debug("dropped a duplicate closed candle at {}", candle.openTime(), kv("symbol", stream.symbol()),
                        kv("interval", interval.code()));
                return;
            }
            if (candle.openTime() > interval.next(last)) {
                fill(interval.next(last), candle.openTime() - 1);
            }
        }
        deliver(candle);
    }

    private void tick(Candle candle) {
        if (last != NONE) {
            if (candle.openTime() <= last) {
                return; // a late update of a candle already closed
            }
            // A later candle is forming while one before it never closed here: its final update was lost.
            if (candle.openTime() > interval.next(last) && candle.openTime() != tickFillFor) {
                tickFillFor = candle.openTime();
                fill(interval.next(last), candle.openTime() - 1);
            }
        }
        listener.onTick(candle);
    }

    private void fill(long from, long to) {
        List<Candle> missing;
        try {
            missing = history.closed(stream, from, to);
        } catch (MarketDataException e) {
            if (Thread.currentThread().isInterrupted()) {
                return; // the feed is closing
            }
            log.error("could not fill the gap from {}: {}", from, e.getMessage(), kv("symbol", stream.symbol()),
                    kv("interval", interval.code()));
            return;
        }
        for (Candle candle : missing) {
            if (candle.openTime() > last && candle.openTime() <= to) {
                deliver(candle);
            }
        }
    }

    /** A candle that does not follow the last one was accepted: the exchange itself lacks the ones between. */
    private void deliver(Candle candle) {
        if (last != NONE && candle.openTime() != interval.next(last)) {
            log.warn("candles from {} to {} are missing on the exchange", interval.next(last), candle.openTime() - 1,
                    kv("symbol", stream.symbol()), kv("interval", interval.code()));
        }
        last = candle.openTime();
        listener.onClosed(candle);
    }
}
