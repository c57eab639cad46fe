package bot.web;

import bot.domain.Interval;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each stream last delivered a closed candle, by the daemon's clock: a stream that has been
 * silent for two of its intervals (counted from its subscription until the first candle) is
 * unhealthy. Also keeps each stream's last close, the price open positions are valued at.
 */
final class StreamWatch {
    private record Seen(Interval interval, Instant lastArrival, BigDecimal lastClose) {
    }

    private final Map<String, Seen> streams = new ConcurrentHashMap<>();

    void subscribed(String stream, Interval interval, Instant at) {
        streams.putIfAbsent(stream, new Seen(interval, at, null));
    }

    void closed(String stream, Interval interval, BigDecimal close, Instant arrivedAt) {
        streams.put(stream, new Seen(interval, arrivedAt, close));
    }

    /** Streams silent for more than two intervals at {@code now}, each with how long. */
    List<String> silent(Instant now) {
        List<String> silent = new ArrayList<>();
        streams.forEach((stream, seen) -> {
            Duration quiet = Duration.between(seen.lastArrival(), now);
            if (quiet.toMillis() > 2 * seen.interval().nominalMillis()) {
                silent.add(stream + " has had no closed candle for " + quiet.toSeconds() + " s");
            }
        });
        silent.sort(null);
        return silent;
    }

    /** The last close a stream delivered, or null before its first closed candle. */
    BigDecimal lastClose(String stream) {
        Seen seen = streams.get(stream);
        return seen == null ? null : seen.lastClose();
    }
}
