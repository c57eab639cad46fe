package bot.market;

import bot.domain.Interval;
import bot.engine.CandleListener;
import bot.engine.MarketFeed;
import bot.engine.Subscription;
import bot.rest.RestHost;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.random.RandomGenerator;
import okhttp3.OkHttpClient;

/**
 * Binance kline streams as a {@link MarketFeed}. Streams are added at any time: each is warmed up
 * over REST on its own worker, independently of the others, then joins a combined-stream
 * WebSocket (up to 1024 streams per connection; streams warmed up close together are added in one
 * go). Gaps are filled and duplicates dropped per stream, so every listener sees each closed candle
 * once, in order. While Binance does not answer, warm-ups and connections are retried with backoff
 * for as long as it takes, and the log says so once a minute.
 */
public final class BinanceMarketFeed implements MarketFeed {
    /** Warm-ups fetching at once: a thousand strategies starting together do not open a thousand requests. */
    private static final int CONCURRENT_WARMUPS = 8;

    private final String wsBaseUrl;
    private final OkHttpClient http;
    private final InstantSource clock;
    private final FeedTimings timings;
    private final AttemptPacer pacer;
    private final OutageLog streamOutage;
    private final StreamWorker.Context workerContext;
    private final ScheduledExecutorService scheduler;
    private final ExchangeInfoClient exchangeInfo;
    private final AtomicBoolean rateLimitsAsked = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Map<KlineStream, StreamWorker> workers = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Subscription> handedOut = new ConcurrentLinkedQueue<>();
    private final KlineConnection.Sink sink = new Router();
    private final ReentrantLock lock = new ReentrantLock();
    // Guarded by lock.
    private final List<KlineConnection> connections = new ArrayList<>();
    private final Set<KlineStream> unattached = new LinkedHashSet<>();
    private boolean attachScheduled;

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
        this.pacer = new AttemptPacer(new FullJitterBackoff(timings.reconnectBase(), timings.reconnectCap(), random),
                budget);
        this.streamOutage = OutageLog.everyMinute("Binance's streams at " + wsBaseUrl, clock);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("feed-scheduler").daemon()
                .factory());
        FullJitterBackoff restBackoff = new FullJitterBackoff(timings.restRetryBase(), timings.restRetryCap(), random);
        OutageLog restOutage = OutageLog.everyMinute("Binance's REST API at "
                + rest.baseUrl().toString().replaceAll("/$", ""), clock);
        KlinesClient klines = new KlinesClient(rest);
        this.exchangeInfo = new ExchangeInfoClient(rest);
        this.workerContext = new StreamWorker.Context(klines, new RestCandleHistory(klines, restBackoff, restOutage),
                restBackoff, restOutage, scheduler, new Semaphore(CONCURRENT_WARMUPS), closed, this::live);
    }

    @Override
    public Subscription subscribe(String symbol, Interval interval, int warmupCandles, CandleListener listener) {
        if (warmupCandles < 0) {
            throw new IllegalArgumentException("warmupCandles must be >= 0");
        }
        KlineStream stream = new KlineStream(symbol, interval);
        if (closed.get()) {
            Subscription refused = new Subscription(() -> { });
            refused.fail("the market feed is closed");
            return refused;
        }
        if (rateLimitsAsked.compareAndSet(false, true)) {
            Thread.ofVirtual().name("feed-rate-limits").start(() -> learnRateLimits(symbol));
        }
        StreamWorker worker = workers.computeIfAbsent(stream, s -> new StreamWorker(s, workerContext));
        Subscription subscription = new Subscription(() -> worker.leave(listener));
        handedOut.removeIf(Subscription::isDone);
        handedOut.add(subscription);
        worker.join(listener, warmupCandles, subscription);
        if (closed.get()) { // closed meanwhile: close() may have missed this worker or subscription
            worker.close();
            subscription.fail("the market feed is closed");
        }
        return subscription;
    }

    /** A stream warmed up: it joins a connection, together with whatever else warms up meanwhile. */
    private void live(KlineStream stream) {
        lock.lock();
        try {
            unattached.add(stream);
            if (!attachScheduled && !closed.get()) {
                attachScheduled = true;
                scheduler.schedule(this::attach, timings.attachDelay().toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (RejectedExecutionException e) {
            // closing
        } finally {
            lock.unlock();
        }
    }

    /** Adds the streams warmed up since the last call to the newest connection while it has room, then to new ones. */
    private void attach() {
        lock.lock();
        try {
            attachScheduled = false;
            if (closed.get()) {
                return;
            }
            List<KlineStream> streams = new ArrayList<>(unattached);
            unattached.clear();
            int limit = timings.streamsPerConnection();
            KlineConnection newest = connections.isEmpty() ? null : connections.get(connections.size() - 1);
            int taken = 0;
            if (newest != null && newest.size() < limit) {
                taken = Math.min(streams.size(), limit - newest.size());
                newest.add(streams.subList(0, taken));
            }
            for (int i = taken; i < streams.size(); i += limit) {
                KlineConnection connection = new KlineConnection(http, wsBaseUrl, sink, pacer, streamOutage, scheduler,
                        clock, timings);
                connections.add(connection);
                connection.add(streams.subList(i, Math.min(streams.size(), i + limit)));
            }
        } finally {
            lock.unlock();
        }
    }

    /** Connections' output to the streams' workers. */
    /**
     * Binance's weight limit (6,000 a minute today) learnt from exchangeInfo beside the first warm-ups;
     * until then the host's budget keeps to the lowest published limit, which is safe, only slower.
     */
    private void learnRateLimits(String symbol) {
        if (!exchangeInfo.learnRateLimits(symbol)) {
            org.slf4j.LoggerFactory.getLogger(BinanceMarketFeed.class)
                    .warn("could not read Binance's rate limits; keeping to the lowest published ones until then");
        }
    }

    private final class Router implements KlineConnection.Sink {
        @Override
        public void update(KlineStream stream, bot.domain.Candle candle) {
            StreamWorker worker = workers.get(stream);
            if (worker != null) {
                worker.candle(candle);
            }
        }

        @Override
        public void connected(Collection<KlineStream> streams) {
            for (KlineStream stream : streams) {
                StreamWorker worker = workers.get(stream);
                if (worker != null) {
                    worker.resync();
                }
            }
        }
    }

    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        lock.lock();
        try {
            connections.forEach(KlineConnection::close);
        } finally {
            lock.unlock();
        }
        workers.values().forEach(StreamWorker::close);
        scheduler.shutdownNow();
        handedOut.forEach(subscription -> subscription.fail("the market feed is closed"));
    }

}
