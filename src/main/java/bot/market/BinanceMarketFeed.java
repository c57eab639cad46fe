package bot.market;

import static net.logstash.logback.argument.StructuredArguments.kv;

import bot.domain.Candle;
import bot.domain.Interval;
import bot.engine.CandleListener;
import bot.engine.MarketFeed;
import bot.rest.RestHost;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binance kline streams as a {@link MarketFeed}: each stream is warmed up over REST, then followed
 * on combined-stream WebSockets (up to 1024 streams per connection), with gaps filled and
 * duplicates dropped per stream so every listener sees each closed candle once, in order.
 */
public final class BinanceMarketFeed implements MarketFeed {
    private static final Logger log = LoggerFactory.getLogger(BinanceMarketFeed.class);

    private final String wsBaseUrl;
    private final OkHttpClient http;
    private final InstantSource clock;
    private final FeedTimings timings;
    private final ConnectionAttemptBudget budget;
    private final RandomGenerator random;
    private final KlinesClient klines;
    private final ExchangeInfoClient exchangeInfo;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Map<KlineStream, ListenerGroup> subscriptions = new LinkedHashMap<>();
    private final Map<KlineStream, StreamWorker> workers = new LinkedHashMap<>();
    private final List<KlineConnection> connections = new ArrayList<>();
    private ScheduledExecutorService scheduler;
    private boolean started;

    /**
     * With Binance's limits and default timings. The attempt budget should be the process's only
     * one, and {@code rest} its host object, so that klines share the host's weight budget with orders.
     */
    public BinanceMarketFeed(RestHost rest, String wsBaseUrl, OkHttpClient http, InstantSource clock,
            ConnectionAttemptBudget budget) {
        this(rest, wsBaseUrl, http, clock, budget, FeedTimings.defaults(), RandomGenerator.getDefault());
    }

    public BinanceMarketFeed(RestHost rest, String wsBaseUrl, OkHttpClient http, InstantSource clock,
            ConnectionAttemptBudget budget, FeedTimings timings, RandomGenerator random) {
        this.wsBaseUrl = wsBaseUrl;
        this.http = http.newBuilder().pingInterval(timings.pingInterval()).build();
        this.clock = clock;
        this.timings = timings;
        this.budget = budget;
        this.random = random;
        this.klines = new KlinesClient(rest);
        this.exchangeInfo = new ExchangeInfoClient(rest);
    }

    @Override
    public synchronized void subscribe(String symbol, Interval interval, int warmupCandles, CandleListener listener) {
        if (started) {
            throw new IllegalStateException("subscribe before start");
        }
        if (warmupCandles < 0) {
            throw new IllegalArgumentException("warmupCandles must be >= 0");
        }
        KlineStream stream = new KlineStream(symbol, interval);
        subscriptions.computeIfAbsent(stream, s -> new ListenerGroup(s, closed)).add(listener, warmupCandles);
    }

    /** Warms every stream up (blocking), then opens the connections. */
    @Override
    public synchronized void start() {
        if (started) {
            throw new IllegalStateException("already started");
        }
        started = true;
        learnRateLimits();
        FullJitterBackoff restBackoff = new FullJitterBackoff(timings.restRetryBase(), timings.restRetryCap(), random);
        CandleHistory history = new RestCandleHistory(klines, restBackoff);
        for (Map.Entry<KlineStream, ListenerGroup> entry : subscriptions.entrySet()) {
            KlineStream stream = entry.getKey();
            ListenerGroup listeners = entry.getValue();
            // At least one candle, even with no warm-up asked: it anchors the gap filler.
            List<Candle> warmup = warmUp(stream, Math.max(1, listeners.warmupCandles()), restBackoff);
            listeners.onHistory(warmup);
            long last = warmup.isEmpty() ? GapFiller.NONE : warmup.get(warmup.size() - 1).openTime();
            workers.put(stream, new StreamWorker(stream, new GapFiller(stream, history, listeners, last)));
            log.info("warmed up with {} closed candles", warmup.size(), kv("symbol", stream.symbol()),
                    kv("interval", stream.interval().code()));
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("feed-scheduler").daemon()
                .factory());
        AttemptPacer pacer = new AttemptPacer(
                new FullJitterBackoff(timings.reconnectBase(), timings.reconnectCap(), random), budget);
        List<KlineStream> streams = new ArrayList<>(subscriptions.keySet());
        KlineConnection.Sink sink = new Router();
        for (int i = 0; i < streams.size(); i += timings.streamsPerConnection()) {
            List<KlineStream> batch = streams.subList(i, Math.min(streams.size(), i + timings.streamsPerConnection()));
            connections.add(new KlineConnection(http, wsBaseUrl, batch, sink, pacer, scheduler, clock,
                    timings));
        }
        connections.forEach(KlineConnection::open);
    }

    private List<Candle> warmUp(KlineStream stream, int count, FullJitterBackoff backoff) {
        try {
            return Failsafe.with(RestRetries.<List<Candle>>transientFailures(backoff, timings.warmupRetries(),
                    "warm-up of " + stream)).get(() -> klines.latestClosed(stream, count));
        } catch (FailsafeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new MarketDataException("warm-up of " + stream + " failed: " + describe(cause), cause);
        }
    }

    /** A failure as a person can read it: an unknown host's message is only the host's name. */
    private static String describe(Throwable cause) {
        if (cause instanceof java.net.UnknownHostException) {
            return "cannot resolve " + cause.getMessage() + " (no network or DNS?)";
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    /** Connections' output to the streams' workers. */
    private final class Router implements KlineConnection.Sink {
        @Override
        public void update(KlineStream stream, Candle candle) {
            StreamWorker worker = workers.get(stream);
            if (worker != null) {
                worker.candle(candle);
            }
        }

        @Override
        public void connected(List<KlineStream> streams) {
            for (KlineStream stream : streams) {
                StreamWorker worker = workers.get(stream);
                if (worker != null) {
                    worker.resync();
                }
            }
        }
    }

    @Override
    public synchronized void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        connections.forEach(KlineConnection::close);
        workers.values().forEach(StreamWorker::close);
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    /** Binance's weight limit (6,000 a minute today) before the warm-ups spend it, not the safe default of 1,200. */
    private void learnRateLimits() {
        if (!subscriptions.isEmpty() && !exchangeInfo.learnRateLimits(subscriptions.keySet().iterator().next().symbol())) {
            log.warn("could not read Binance's rate limits; keeping to the lowest published ones until then");
        }
    }
}
