package bot.rest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the process has seen of Binance's limits and connections, for monitoring: the weight each
 * REST host says was used this minute, its refusals (429, 418), and the market WebSockets opened.
 * One per process ({@link #PROCESS}), as Binance counts per IP; only counters, never a lock.
 */
public final class ExchangeTraffic {
    public static final ExchangeTraffic PROCESS = new ExchangeTraffic();

    private final Map<String, AtomicLong> usedWeight = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> refusals = new ConcurrentHashMap<>();
    private final LongAdder socketsOpened = new LongAdder();
    private final LongAdder reconnects = new LongAdder();

    ExchangeTraffic() {
    }

    /** The used weight a REST answer reported for {@code host}. */
    public void usedWeight(String host, long used) {
        usedWeight.computeIfAbsent(host, h -> new AtomicLong()).set(used);
    }

    /** A 429 or 418 from {@code host}. */
    public void refused(String host, int httpStatus) {
        refusals.computeIfAbsent(host + " " + httpStatus, k -> new LongAdder()).increment();
    }

    /** A market WebSocket opened; {@code again} when its connection had one open before (a reconnect or a rotation). */
    public void socketOpened(boolean again) {
        socketsOpened.increment();
        if (again) {
            reconnects.increment();
        }
    }

    /** The last used weight reported per host. */
    public Map<String, Long> usedWeights() {
        Map<String, Long> copy = new java.util.TreeMap<>();
        usedWeight.forEach((host, used) -> copy.put(host, used.get()));
        return copy;
    }

    /** Refusals per "host status". */
    public Map<String, Long> refusals() {
        Map<String, Long> copy = new java.util.TreeMap<>();
        refusals.forEach((key, count) -> copy.put(key, count.sum()));
        return copy;
    }

    public long socketsOpened() {
        return socketsOpened.sum();
    }

    public long reconnects() {
        return reconnects.sum();
    }
}
