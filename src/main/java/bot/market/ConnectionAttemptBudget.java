package bot.market;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayDeque;

/**
 * Binance allows at most 300 connection attempts per 5 minutes per IP. Every connection of the
 * process takes an attempt from this one shared sliding window before dialling, and waits when
 * there is none left, so no backoff setting, bug or flapping server can break the limit.
 */
public final class ConnectionAttemptBudget {
    private final int limit;
    private final long windowMillis;
    private final InstantSource clock;
    private final ArrayDeque<Long> attempts = new ArrayDeque<>();

    public ConnectionAttemptBudget(int limit, Duration window, InstantSource clock) {
        if (limit < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("budget needs limit >= 1 and a positive window");
        }
        this.limit = limit;
        this.windowMillis = window.toMillis();
        this.clock = clock;
    }

    /** Binance's limit: 300 attempts per 5 minutes. */
    public static ConnectionAttemptBudget binance(InstantSource clock) {
        return new ConnectionAttemptBudget(300, Duration.ofMinutes(5), clock);
    }

    /**
     * Takes an attempt when one is free (returns zero), else takes nothing and returns how long
     * until one frees up.
     */
    public synchronized Duration tryAcquire() {
        long now = clock.millis();
        Duration wait = waitAt(now);
        if (wait.isZero()) {
            attempts.addLast(now);
        }
        return wait;
    }

    /** How long until an attempt is free (zero when one is free now). */
    public synchronized Duration waitTime() {
        return waitAt(clock.millis());
    }

    private Duration waitAt(long now) {
        while (!attempts.isEmpty() && attempts.peekFirst() <= now - windowMillis) {
            attempts.removeFirst();
        }
        if (attempts.size() < limit) {
            return Duration.ZERO;
        }
        return Duration.ofMillis(attempts.peekFirst() + windowMillis - now);
    }
}
