package bot.bench;

import bot.app.CandleArchiver;
import bot.app.Daemon;
import bot.app.Exchange;
import bot.app.StrategyRetries;
import bot.domain.Interval;
import bot.engine.FreshSymbolRules;
import bot.engine.LookupBackoff;
import bot.market.BinanceMarketFeed;
import bot.market.ConnectionAttemptBudget;
import bot.market.ExchangeInfoClient;
import bot.rest.RestHost;
import bot.rest.RestHosts;
import bot.store.CandleRepository;
import bot.store.Database;
import bot.store.EnabledStrategies;
import bot.store.JdbiJournal;
import bot.strategy.StrategyRegistry;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import okhttp3.OkHttpClient;
import org.HdrHistogram.Histogram;
import org.jdbi.v3.core.Jdbi;

/**
 * Tick-to-order latency through the code {@code bot start} runs: a kline frame is sent on a
 * loopback WebSocket; the real feed parses it and hands the closed candle to the strategy's
 * runner; a paper mean_reversion strategy (window 2, on candles that alternate 90/100, so every
 * candle is a signal) orders; the order is journaled and its fill committed to PostgreSQL with
 * fsync on. One frame at a time: the next is sent once the previous order's fill has committed.
 * Times: the frame's first byte read by the bot's socket, the strategy called, the fill committed.
 */
final class LatencyBench {
    private static final String SYMBOL = "BENCHUSDT";

    private LatencyBench() {
    }

    static List<Figure> run(BenchDatabase pg, int warmup, int signals) throws Exception {
        long first = Math.floorDiv(System.currentTimeMillis(), 60_000) * 60_000 - 86_400_000L;
        if ((first / 60_000) % 2 == 0) {
            first += 60_000; // the first streamed candle is a low one: a BUY
        }
        long serverTime = first;
        SyntheticMarket market = SyntheticMarket.sawtooth();
        Histogram wire = histogram();
        Histogram toRunner = histogram();
        Histogram toStrategy = histogram();
        TimedJournal journal;
        Histogram strategyToCommit = histogram();
        Histogram toCommit = histogram();
        try (LoopbackBinance binance = new LoopbackBinance(market, () -> serverTime);
             Database db = pg.fresh("bench_latency")) {
            Jdbi jdbi = db.jdbi();
            jdbi.useHandle(h -> {
                h.execute("insert into accounts (name, key_type) values ('bench', 'none')");
                h.execute("""
                        insert into strategies (name, account_id, kind, symbol, interval, mode, params)
                        select 'latency', id, ?, ?, '1m', 'paper', '{"order_value": "100", "window": "2"}'
                        from accounts where name = 'bench'""", TimedKind.NAME, SYMBOL);
            });
            ArrivalStamp stamp = new ArrivalStamp();
            OkHttpClient http = new OkHttpClient.Builder().connectTimeout(10, TimeUnit.SECONDS)
                    .readTimeout(30, TimeUnit.SECONDS).socketFactory(stamp).build();
            Clock clock = Clock.systemUTC();
            HandoffStamp[] feed = new HandoffStamp[1];
            RestHost rest = new RestHosts(http, clock, Thread::sleep, RestHosts.DEFAULT_MAX_WAIT,
                    RestHosts.DEFAULT_SPREAD, RandomGenerator.getDefault()).host(binance.restUrl());
            Exchange exchange = new Exchange(
                    network -> feed[0] = new HandoffStamp(new BinanceMarketFeed(rest, binance.wsUrl(), http,
                            clock, ConnectionAttemptBudget.binance(clock))),
                    network -> new FreshSymbolRules(new ExchangeInfoClient(rest), clock, Duration.ofMinutes(10)),
                    Exchange.noLiveTrading("paper only"));
            journal = new TimedJournal(new JdbiJournal(jdbi));
            // the engine's clock at the first streamed candle's close, then running: the synthetic candles
            // start a day back and advance a minute a frame, so none of their entries is ever stale
            Clock engineClock = Clock.offset(clock, Duration.between(clock.instant(), Instant.ofEpochMilli(first + 60_000)));
            try (Daemon daemon = new Daemon(new EnabledStrategies(jdbi), journal, registry(), exchange, engineClock,
                    LookupBackoff.DEFAULT, Thread::sleep, StrategyRetries.standard(),
                    new CandleArchiver(new CandleRepository(jdbi)))) {
                if (daemon.start() != 1) {
                    throw new IllegalStateException("the latency strategy did not start");
                }
                binance.awaitSubscribed(1, 30_000);
                String stream = KlineJson.streamName(SYMBOL, "1m");
                long open = first;
                for (int i = 0; i < warmup + signals; i++, open += 60_000) {
                    String frame = KlineJson.combinedEvent(market.candle(SYMBOL, Interval.M1, open), open + 60_000, true);
                    stamp.arm();
                    long sent = System.nanoTime();
                    binance.send(stream, frame);
                    Long committed = journal.committed().poll(30, TimeUnit.SECONDS);
                    if (committed == null) {
                        throw new IllegalStateException("no order committed for signal " + i);
                    }
                    long arrived = stamp.arrival();
                    long handedOver = feed[0].lastHandoff();
                    long called = TimedKind.lastCalled();
                    if (i == warmup) {
                        journal.resetDurations();
                    }
                    if (i >= warmup) {
                        wire.recordValue(arrived - sent);
                        toRunner.recordValue(handedOver - arrived);
                        toStrategy.recordValue(called - arrived);
                        strategyToCommit.recordValue(committed - called);
                        toCommit.recordValue(committed - arrived);
                    }
                }
            }
        }
        List<Figure> figures = new ArrayList<>();
        String n = String.format("%,d signals", toCommit.getTotalCount());
        figures.add(Figure.atMost("tick-to-order p50 (frame received -> fill committed; " + n + ")",
                micros(toCommit, 50) / 1000, 1.5, "ms", "%.3f"));
        figures.add(Figure.atMost("tick-to-order p99", micros(toCommit, 99) / 1000, 5, "ms", "%.3f"));
        figures.add(Figure.info("tick-to-order p99.9 / max", String.format("%.3f / %.3f ms",
                micros(toCommit, 99.9) / 1000, toCommit.getMaxValue() / 1e6)));
        figures.add(Figure.info("frame received -> strategy called p50", String.format("%.1f us", micros(toStrategy, 50))));
        figures.add(Figure.atMost("frame received -> strategy called p99", micros(toStrategy, 99), 100, "us", "%.1f"));
        figures.add(Figure.info("frame received -> handed to the runner's queue p50 / p99 (parse, stream worker)",
                String.format("%.1f / %.1f us", micros(toRunner, 50), micros(toRunner, 99))));
        figures.add(Figure.info("strategy called -> fill committed p50 / p99",
                String.format("%.3f / %.3f ms", micros(strategyToCommit, 50) / 1000, micros(strategyToCommit, 99) / 1000)));
        figures.add(Figure.info("journal calls p50 / p99: next order number, open (PENDING), record (FILLED)",
                String.format("%.0f/%.0f, %.0f/%.0f, %.0f/%.0f us", micros(journal.nextOrderNumber, 50),
                        micros(journal.nextOrderNumber, 99), micros(journal.open, 50), micros(journal.open, 99),
                        micros(journal.record, 50), micros(journal.record, 99))));
        figures.add(Figure.info("frame sent -> received on loopback p50 / p99",
                String.format("%.1f / %.1f us", micros(wire, 50), micros(wire, 99))));
        return figures;
    }

    private static Histogram histogram() {
        return new Histogram(TimeUnit.SECONDS.toNanos(30), 3);
    }

    private static double micros(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1000.0;
    }

    /** The built-in kinds and {@link TimedKind}, found the way plugins are: a services file on a class path. */
    private static StrategyRegistry registry() throws Exception {
        Path dir = Files.createTempDirectory("bench-kinds");
        Path services = dir.resolve("META-INF/services/bot.strategy.StrategyKind");
        Files.createDirectories(services.getParent());
        Files.writeString(services, TimedKind.class.getName() + "\n");
        services.toFile().deleteOnExit();
        ClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, LatencyBench.class.getClassLoader());
        return StrategyRegistry.load(loader);
    }
}
