package bot.app;

import static net.logstash.logback.argument.StructuredArguments.kv;

import bot.domain.Candle;
import bot.domain.IntervalGrid;
import bot.domain.Interval;
import bot.domain.Network;
import bot.engine.Sleeper;
import bot.market.ExchangeInfoClient;
import bot.market.KlineStream;
import bot.market.KlinesClient;
import bot.market.MarketRestException;
import bot.rest.RequestNotSentException;
import bot.rest.RestHost;
import bot.rest.RestHosts;
import bot.config.Settings;
import org.jdbi.v3.core.Jdbi;
import bot.store.CandleInventory;
import bot.store.CandleRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code bot download}: the closed candles of a series that are not stored yet, from Binance's
 * REST klines, 1,000 a request through the host's shared weight budget. What is missing is
 * computed from what is stored, so a second run fetches only the rest; each page is committed as
 * it comes (while the next is fetched), so a stop (Ctrl-C) keeps everything fetched. A 429/418 is obeyed by the budget (no
 * request before its Retry-After); network errors and 5xx are retried with backoff, then given up.
 */
public final class CandleDownload {
    private static final Logger log = LoggerFactory.getLogger(CandleDownload.class);
    static final int MAX_ATTEMPTS = 10;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final RestHost host;
    private final KlinesClient klines;
    private final CandleRepository candles;
    private final CandleInventory inventory;
    private final Network network;
    private final Clock clock;
    private final Sleeper sleeper;
    private final BooleanSupplier stop;

    /** For {@code bot download}: the settings' REST host for the network, with a command's budget and timeouts. */
    public static CandleDownload forCommand(Settings settings, Jdbi jdbi, Network network, StopRequest stop) {
        RestHost host = RestHosts.forCommand().host(settings.binanceRestUrl(network.testnet()));
        return new CandleDownload(host, new CandleRepository(jdbi), new CandleInventory(jdbi), network, Clock.systemUTC(),
                stop, stop::requested);
    }

    /**
     * @param sleeper waits between retries; it should end early (InterruptedException) on a stop
     * @param stop checked between requests
     */
    public CandleDownload(RestHost host, CandleRepository candles, CandleInventory inventory, Network network,
            Clock clock, Sleeper sleeper, BooleanSupplier stop) {
        this.host = host;
        this.klines = new KlinesClient(host);
        this.candles = candles;
        this.inventory = inventory;
        this.network = network;
        this.clock = clock;
        this.sleeper = sleeper;
        this.stop = stop;
    }

    /** Told as the download goes. */
    public interface Progress {
        /** Before the first request: how many candles are missing (Binance may have fewer). */
        void planned(long candles, long firstOpen, long lastOpen);

        /** After each page is stored: the candles stored so far. */
        void stored(long candles);
    }

    /**
     * @param planned missing candles at the start; {@code stored} of them were fetched
     * @param firstOpen first open time asked for ({@code lastOpen < firstOpen}: nothing closed in the range yet)
     */
    public record Result(long planned, long stored, int requests, boolean interrupted, long firstOpen, long lastOpen) {
    }

    /**
     * Fetches the closed candles of the series opening in [{@code from}, {@code until}) that are not stored.
     *
     * @throws InputException when Binance does not know the symbol
     * @throws IOException when Binance did not answer after {@value #MAX_ATTEMPTS} attempts
     */
    public Result run(String symbol, Interval interval, long from, long until, Progress progress) throws IOException {
        KlineStream stream = new KlineStream(symbol, interval);
        int[] requests = {0};
        long planned = 0;
        long first = IntervalGrid.ceil(interval, from);
        long last = first - 1;
        try (PageWriter writer = new PageWriter(progress)) {
            try {
                learnRateLimits(stream.symbol(), requests);
                long now = insist(klines::serverTime, requests);
                last = IntervalGrid.floor(interval, Math.min(until - 1, now));
                if (last >= first && interval.next(last) - 1 >= now) {
                    last = interval.previous(last); // still forming
                }
                List<CandleInventory.Gap> missing = inventory.missing(network, stream.symbol(), interval, first, last);
                planned = missing.stream().mapToLong(g -> IntervalGrid.count(interval, g.first(), g.last())).sum();
                progress.planned(planned, first, last);
                for (CandleInventory.Gap gap : missing) {
                    long start = gap.first();
                    while (true) {
                        if (stop.getAsBoolean()) {
                            return done(stream, planned, writer.awaitStored(), requests[0], true, first, last);
                        }
                        long pageStart = start;
                        KlinesClient.Page page = insist(() -> klines.closedPage(stream, pageStart, gap.first(), gap.last(),
                                now), requests);
                        writer.write(page.closed());
                        if (page.last()) {
                            break;
                        }
                        start = page.next();
                    }
                }
                return done(stream, planned, writer.awaitStored(), requests[0], false, first, last);
            } catch (InterruptedException e) {
                return done(stream, planned, writer.awaitStored(), requests[0], true, first, last);
            } catch (MarketRestException e) {
                if (e.code() == -1121) {
                    throw new InputException("--symbol: Binance does not list " + stream.symbol() + " (" + host.baseUrl()
                            + ")");
                }
                throw e;
            }
        } finally {
            Thread.interrupted(); // a stop during a budget wait leaves the flag set: nothing after this should see it
        }
    }

    /**
     * Stores each page on a thread of its own, one page at a time, while the next page is fetched:
     * a page's request and its insert overlap instead of adding up.
     */
    private final class PageWriter implements AutoCloseable {
        private final ExecutorService thread = Executors.newSingleThreadExecutor(Thread.ofVirtual().factory());
        private final Progress progress;
        private CompletableFuture<Void> pending = CompletableFuture.completedFuture(null);
        private int pendingCount;
        private long stored;

        PageWriter(Progress progress) {
            this.progress = progress;
        }

        /** Waits for the page before, then starts storing this one. */
        void write(List<Candle> page) {
            awaitStored();
            pendingCount = page.size();
            pending = CompletableFuture.runAsync(() -> candles.save(network, page), thread);
        }

        /** Waits (uninterruptibly: a stop must not lose a page on its way in) for the page being stored. */
        long awaitStored() {
            try {
                pending.join();
            } catch (CompletionException e) {
                pendingCount = 0;
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw e;
            }
            if (pendingCount > 0) {
                stored += pendingCount;
                pendingCount = 0;
                progress.stored(stored);
            }
            return stored;
        }

        @Override
        public void close() {
            try {
                pending.join();
            } catch (CompletionException e) {
                // already thrown by awaitStored, or the run failed before: nothing more to tell
            }
            thread.shutdown();
        }
    }

    /**
     * Until exchangeInfo has given the host's real limits, its budget assumes safe defaults (a
     * fifth of production's weight): one exchangeInfo of the symbol (weight 20) reads them, and
     * tells at once when Binance does not list the symbol.
     * (Insisted on as klines are: it is the same host.)
     */
    private void learnRateLimits(String symbol, int[] requests) throws IOException, InterruptedException {
        if (host.budget().hasExchangeLimits()) {
            return;
        }
        ExchangeInfoClient exchangeInfo = new ExchangeInfoClient(host);
        boolean listed = insist(() -> {
            try {
                return exchangeInfo.rules(symbol).isPresent();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }, requests);
        if (!listed) {
            throw new InputException("--symbol: Binance does not list " + symbol + " (" + host.baseUrl() + ")");
        }
    }

    private Result done(KlineStream stream, long planned, long stored, int requests, boolean interrupted, long first,
            long last) {
        log.info(interrupted ? "candle download interrupted" : "candle download done", kv("symbol", stream.symbol()),
                kv("interval", stream.interval().code()), kv("network", network.code()), kv("planned", planned),
                kv("stored", stored), kv("requests", requests));
        return new Result(planned, stored, requests, interrupted, first, last);
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws IOException;
    }

    /** Runs {@code call} until it answers, a stop comes, or {@value #MAX_ATTEMPTS} attempts failed. */
    private <T> T insist(Call<T> call, int[] requests) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            if (stop.getAsBoolean()) {
                throw new InterruptedException("stop requested");
            }
            Duration wait;
            try {
                requests[0]++;
                return call.run();
            } catch (RequestNotSentException e) {
                requests[0]--;
                if (Thread.interrupted() || stop.getAsBoolean()) {
                    throw new InterruptedException("stop requested");
                }
                // held back longer than a command's budget wait (a long Retry-After): wait it out here
                wait = Duration.ofMillis(Math.max(1_000, host.budget().blockedUntil().toEpochMilli() - clock.millis()));
                if (attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
            } catch (MarketRestException e) {
                if (!e.retryable() || attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                // 429/418: the budget holds the next request until Retry-After has passed
                wait = e.status() == 429 || e.status() == 418 ? Duration.ZERO : backoff(attempt);
                log.warn("klines request failed, trying again: {}", e.getMessage(), kv("attempt", attempt));
            } catch (IOException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                wait = backoff(attempt);
                log.warn("klines request failed, trying again: {}", e.toString(), kv("attempt", attempt));
            }
            if (!wait.isZero()) {
                sleeper.sleep(wait);
            }
        }
    }

    private static Duration backoff(int attempt) {
        long millis = 500L << Math.min(attempt - 1, 10);
        return Duration.ofMillis(Math.min(millis, MAX_BACKOFF.toMillis()));
    }
}
