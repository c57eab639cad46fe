package bot.rest;

import bot.engine.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.random.RandomGenerator;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The Binance REST hosts of the process, each with its one {@link RequestBudget}. Create ONE per
 * process and hand it to every REST client (klines, exchangeInfo, orders): Binance counts weight per
 * IP, so two budgets for one host would together overspend it.
 */
public final class RestHosts {
    /** The longest a request waits for its host's budget (or a Retry-After) before giving up unsent. */
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofMinutes(2);
    /** Callers held back together come back spread over this much time. */
    public static final Duration DEFAULT_SPREAD = Duration.ofSeconds(5);

    private final OkHttpClient http;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration maxWait;
    private final Duration spread;
    /** Seeds each budget's own generator; guarded by {@link #seeding}. */
    private final RandomGenerator random;
    private final ReentrantLock seeding = new ReentrantLock();
    private final Map<String, RestHost> hosts = new ConcurrentHashMap<>();

    /**
     * @param random seeds the jitter of each host's budget (need not be thread-safe)
     */
    public RestHosts(OkHttpClient http, Clock clock, Sleeper sleeper, Duration maxWait, Duration spread,
            RandomGenerator random) {
        // OkHttp would silently resend a request whose connection broke: past the budget, and never for an order
        this.http = http.retryOnConnectionFailure() ? http.newBuilder().retryOnConnectionFailure(false).build() : http;
        this.clock = clock;
        this.sleeper = sleeper;
        this.maxWait = maxWait;
        this.spread = spread;
        this.random = random;
    }

    /** Real time and sleeps, timeouts that leave an order UNKNOWN after 10 s. */
    public static RestHosts standard(Clock clock) {
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(10))
                .callTimeout(Duration.ofSeconds(15))
                .build();
        return new RestHosts(http, clock, Thread::sleep, DEFAULT_MAX_WAIT, DEFAULT_SPREAD, RandomGenerator.getDefault());
    }

    /** For a command a person waits on: short timeouts, and at most 10 s of waiting for a host's budget. */
    public static RestHosts forCommand() {
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(5))
                .callTimeout(Duration.ofSeconds(15))
                .build();
        return new RestHosts(http, Clock.systemUTC(), Thread::sleep, Duration.ofSeconds(10), Duration.ofSeconds(1),
                RandomGenerator.getDefault());
    }

    /** The host of a base URL such as {@code https://api.binance.com}; the same object for the same host and port. */
    public RestHost host(String baseUrl) {
        HttpUrl url = HttpUrl.parse(baseUrl);
        if (url == null) {
            throw new IllegalArgumentException("not an http(s) URL: " + baseUrl);
        }
        String key = url.host() + ":" + url.port();
        return hosts.computeIfAbsent(key, name -> new RestHost(http,
                new HttpUrl.Builder().scheme(url.scheme()).host(url.host()).port(url.port()).build(),
                new RequestBudget(name, clock, sleeper, maxWait, spread, new SplittableRandom(seed()))));
    }

    private long seed() {
        seeding.lock();
        try {
            return random.nextLong();
        } finally {
            seeding.unlock();
        }
    }
}
