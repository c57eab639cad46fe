package bot.market;

import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says in the log that Binance does not answer without a line per retry: once when failures
 * start, then at most once per period while they go on (how many failed meanwhile, the last
 * reason), and once when it answers again. Thread-safe; many streams report to one log.
 */
public final class OutageLog {
    private static final Logger log = LoggerFactory.getLogger(OutageLog.class);

    private final String what;
    private final InstantSource clock;
    private final long periodMillis;
    private final ReentrantLock lock = new ReentrantLock();
    // Guarded by lock.
    private long since = -1;
    private long lastLine;
    private int failuresSinceLine;

    /** @param what who is waited for, as the log says it ("Binance REST at https://api.binance.com") */
    public OutageLog(String what, InstantSource clock, Duration period) {
        this.what = what;
        this.clock = clock;
        this.periodMillis = period.toMillis();
    }

    public static OutageLog everyMinute(String what, InstantSource clock) {
        return new OutageLog(what, clock, Duration.ofMinutes(1));
    }

    /** An attempt failed and will be retried. */
    public void failed(String attempt, Throwable error) {
        String reason = describe(error);
        long now = clock.millis();
        boolean first;
        int failures;
        long waited;
        lock.lock();
        try {
            first = since < 0;
            if (first) {
                since = now;
            } else if (now - lastLine < periodMillis) {
                failuresSinceLine++;
                return;
            }
            failures = failuresSinceLine + 1;
            failuresSinceLine = 0;
            lastLine = now;
            waited = now - since;
        } finally {
            lock.unlock();
        }
        if (first) {
            log.warn("{} does not answer ({}: {}); waiting for it, retrying with backoff", what, attempt, reason);
        } else {
            log.warn("still waiting for {} after {} s: {} attempts failed since the last report, the last one {}: {}",
                    what, waited / 1000, failures, attempt, reason);
        }
    }

    /** An attempt succeeded: ends an outage, if there was one. */
    public void succeeded() {
        long now = clock.millis();
        long waited;
        lock.lock();
        try {
            if (since < 0) {
                return;
            }
            waited = now - since;
            since = -1;
            failuresSinceLine = 0;
        } finally {
            lock.unlock();
        }
        log.info("{} answers again after {} s", what, waited / 1000);
    }

    /** A failure as a person can read it: an unknown host's message is only the host's name. */
    static String describe(Throwable error) {
        if (error instanceof java.net.UnknownHostException) {
            return "cannot resolve " + error.getMessage() + " (no network or DNS?)";
        }
        return error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    }
}
