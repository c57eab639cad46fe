package bot.rest;

import static net.logstash.logback.argument.StructuredArguments.kv;

import bot.engine.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request budget of one Binance host, shared by every REST call of the process to it: market
 * data and orders, all accounts (Binance counts weight per IP). A request first reserves its weight
 * (and an order its order count); when the budget is spent, or the host told us to stop (429/418
 * with Retry-After), the caller waits through the injected {@link Sleeper} and nothing is sent.
 * A waiter wakes at the earliest moment it could go plus a random jitter, so that the callers held
 * back by one window or one Retry-After come back spread out instead of all at the same instant.
 * Windows are fixed, aligned to the epoch like Binance's; the weight the server reports in
 * {@code X-MBX-USED-WEIGHT-1M} wins over our own count when it is higher.
 */
public final class RequestBudget {
    private static final Logger log = LoggerFactory.getLogger(RequestBudget.class);
    private static final long MINUTE = 60_000;
    private static final long TEN_SECONDS = 10_000;
    private static final long DAY = 86_400_000;

    private final String host;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration maxWait;
    private final Duration spread;
    private final RandomGenerator random;
    /** Guards the state below; never held while waiting or sending. */
    private final ReentrantLock lock = new ReentrantLock();
    private RateLimits limits = RateLimits.DEFAULTS;
    private boolean exchangeLimits;
    private final Window weight = new Window(MINUTE);
    private final Window orders10s = new Window(TEN_SECONDS);
    private final Window ordersDay = new Window(DAY);
    private Instant blockedUntil = Instant.EPOCH;

    /**
     * @param maxWait the longest a request waits for budget before it gives up unsent
     * @param spread waiters wake up to this much later than they could, at random
     * @param random this budget's own: used under its lock only, so it need not be thread-safe
     */
    public RequestBudget(String host, Clock clock, Sleeper sleeper, Duration maxWait, Duration spread,
            RandomGenerator random) {
        this.host = host;
        this.clock = clock;
        this.sleeper = sleeper;
        this.maxWait = maxWait;
        this.spread = spread;
        this.random = random;
    }

    public String host() {
        return host;
    }

    /** The limits exchangeInfo lists for this host (until then, the safe defaults apply). */
    public void apply(RateLimits newLimits) {
        lock.lock();
        try {
            this.limits = newLimits;
            this.exchangeLimits = true;
        } finally {
            lock.unlock();
        }
    }

    public boolean hasExchangeLimits() {
        lock.lock();
        try {
            return exchangeLimits;
        } finally {
            lock.unlock();
        }
    }

    public RateLimits limits() {
        lock.lock();
        try {
            return limits;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until the request may be sent, then counts it.
     *
     * @throws RequestNotSentException when that would take longer than maxWait, or the wait is interrupted
     */
    public void acquire(int requestWeight, boolean order) throws RequestNotSentException {
        Duration waited = Duration.ZERO;
        while (true) {
            Duration wait = reserve(requestWeight, order);
            if (wait.isZero()) {
                return;
            }
            if (waited.plus(wait).compareTo(maxWait) > 0) {
                throw new RequestNotSentException("not sent: the request budget of " + host
                        + " is spent for another " + wait.toSeconds() + " s", null);
            }
            wait = wait.plus(jitter());
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RequestNotSentException("not sent: interrupted while waiting for " + host, e);
            }
            waited = waited.plus(wait);
        }
    }

    /** The weight the server says this IP used in the current minute. */
    public void observeUsedWeight(long used) {
        ExchangeTraffic.PROCESS.usedWeight(host, used);
        lock.lock();
        try {
            weight.roll(clock.millis());
            weight.used = Math.max(weight.used, used);
        } finally {
            lock.unlock();
        }
    }

    /** A 429 or 418: nothing goes to this host before {@code retryAfter} has passed. Logged once. */
    public void backOff(int httpStatus, Duration retryAfter) {
        ExchangeTraffic.PROCESS.refused(host, httpStatus);
        Instant until;
        boolean alreadyBlocked;
        lock.lock();
        try {
            Instant now = clock.instant();
            until = now.plus(retryAfter);
            if (!until.isAfter(blockedUntil)) {
                return;
            }
            alreadyBlocked = blockedUntil.isAfter(now);
            blockedUntil = until;
        } finally {
            lock.unlock();
        }
        if (!alreadyBlocked) {
            log.error("Binance refused requests for exceeding its rate limits: no request to this host until {}",
                    until, kv("host", host), kv("httpStatus", httpStatus), kv("retryAfterSeconds", retryAfter.toSeconds()));
        }
    }

    public Instant blockedUntil() {
        lock.lock();
        try {
            return blockedUntil;
        } finally {
            lock.unlock();
        }
    }

    /** Zero when the request is counted and may go; otherwise how long to wait before asking again. */
    private Duration reserve(int requestWeight, boolean order) {
        lock.lock();
        try {
            long now = clock.millis();
            if (blockedUntil.toEpochMilli() > now) {
                return Duration.ofMillis(blockedUntil.toEpochMilli() - now);
            }
            weight.roll(now);
            // a tenth of the weight stays in reserve: our windows and the server's may be a little apart
            if (weight.used + requestWeight > limits.weightPerMinute() * 9L / 10) {
                return weight.untilNext(now);
            }
            if (order) {
                orders10s.roll(now);
                ordersDay.roll(now);
                if (orders10s.used + 1 > limits.ordersPer10Seconds()) {
                    return orders10s.untilNext(now);
                }
                if (ordersDay.used + 1 > limits.ordersPerDay()) {
                    return ordersDay.untilNext(now);
                }
                orders10s.used++;
                ordersDay.used++;
            }
            weight.used += requestWeight;
            return Duration.ZERO;
        } finally {
            lock.unlock();
        }
    }

    private Duration jitter() {
        long bound = spread.toMillis();
        if (bound <= 0) {
            return Duration.ZERO;
        }
        lock.lock(); // the generator need not be thread-safe
        try {
            return Duration.ofMillis(random.nextLong(bound));
        } finally {
            lock.unlock();
        }
    }

    /** A fixed window and what was used in it. */
    private static final class Window {
        private final long length;
        private long index = Long.MIN_VALUE;
        private long used;

        Window(long length) {
            this.length = length;
        }

        void roll(long now) {
            long current = Math.floorDiv(now, length);
            if (current != index) {
                index = current;
                used = 0;
            }
        }

        Duration untilNext(long now) {
            return Duration.ofMillis((index + 1) * length - now);
        }
    }
}
