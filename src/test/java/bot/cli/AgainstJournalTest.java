package bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.app.Daemon;
import bot.app.Exchange;
import bot.domain.Candle;
import bot.domain.Interval;
import bot.market.BinanceMarketFeed;
import bot.market.ConnectionAttemptBudget;
import bot.rest.RestHosts;
import bot.store.Database;
import bot.strategy.StrategyRegistry;
import bot.testing.Candles;
import bot.testing.CliRun;
import bot.testing.FakeBinance;
import bot.testing.Rows;
import bot.testing.Rules;
import bot.testing.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bot backtest --against-journal}: a paper mean_reversion runs in the daemon on 500 real
 * XRPETH minutes streamed by the fake Binance (the archiver stores them, the exchange filters are
 * stored as fetched); the backtest over that archive agrees with the journal on every candle, offline.
 * With the signal candle of one journal order removed from the archive, it reports that divergence.
 */
class AgainstJournalTest {
    private static final int WINDOW = 20;
    private static final int END = 500;

    @TempDir
    Path home;

    @Test
    void agreesWithAPaperRunAndReportsAMissedCandle() throws Exception {
        List<Candle> candles = Candles.xrpEth("XRPETH").subList(0, END);
        try (Database db = TestDatabase.fresh(); FakeBinance binance = new FakeBinance(candles.get(WINDOW).openTime())) {
            Jdbi jdbi = db.jdbi();
            binance.addCandles(candles);
            Rows.strategy(jdbi, "xrp-mr", "mean_reversion", "XRPETH", "paper",
                    "{\"order_value\": \"1\", \"threshold\": 0.003}");
            Clock clock = Clock.systemUTC();
            OkHttpClient http = new OkHttpClient();
            Exchange exchange = new Exchange(
                    network -> new BinanceMarketFeed(RestHosts.standard(clock).host(binance.restUrl()), binance.wsUrl(),
                            http, clock, ConnectionAttemptBudget.binance(clock)),
                    network -> Rules.source(Rules.xrpEth()),
                    Exchange.noLiveTrading("paper only"));
            Clock engineClock = Clock.fixed(Instant.ofEpochMilli(candles.get(WINDOW).closeTime()), ZoneOffset.UTC);
            try (Daemon daemon = Daemon.create(jdbi, StrategyRegistry.load(getClass().getClassLoader()), exchange,
                    engineClock)) {
                assertEquals(1, daemon.start());
                awaitConnected(binance);
                for (int i = WINDOW; i < END; i++) {
                    binance.streamNext("XRPETH", Interval.M1, true);
                }
                awaitStored(jdbi, candles.get(END - 1).openTime());
            }
            List<Long> signals = jdbi.withHandle(h -> h.createQuery(
                    "select candle_open_time from orders order by id").mapTo(Long.class).list());
            assertTrue(signals.size() >= 4, "too few orders to be a test: " + signals.size());

            // Binance unreachable: the filters the daemon fetched were stored
            CliRun agree = cli(db, "backtest", "--strategy", "xrp-mr", "--against-journal");
            assertEquals(0, agree.exitCode(), agree.out() + agree.err());
            assertTrue(agree.out().contains((END - WINDOW) + " candles from " + Instant.ofEpochMilli(
                    candles.get(WINDOW).openTime()) + " to " + Instant.ofEpochMilli(candles.get(END - 1).openTime())
                    + ", " + (END - WINDOW) + " agree, 0 diverge"), agree.out());

            long removed = signals.get(1); // the first SELL
            jdbi.useHandle(h -> h.createUpdate("delete from candles where open_time = :t").bind("t", removed).execute());
            CliRun differ = cli(db, "backtest", "--strategy", "xrp-mr", "--against-journal");
            assertEquals(1, differ.exitCode(), differ.out() + differ.err());
            List<String> lines = differ.out().lines().toList();
            String missed = lines.stream().filter(l -> l.startsWith(Instant.ofEpochMilli(removed).toString()))
                    .findFirst().orElseThrow(() -> new AssertionError(differ.out()));
            assertTrue(missed.contains("a missed candle: " + Instant.ofEpochMilli(removed) + " is not in the archive"),
                    missed);
            assertTrue(missed.contains("SELL FILLED"), missed);
            assertTrue(lines.get(0).contains((END - WINDOW) + " candles"), lines.get(0));
            // the SELL the daemon made on the missing candle, the backtest makes later: that one diverges too
            assertTrue(lines.stream().skip(2).filter(l -> !l.equals(missed)).allMatch(l -> l.contains("follows the"
                    + " divergence at") || l.contains("a missed candle")), differ.out());
        }
    }

    private CliRun cli(Database db, String... args) {
        String url = ((HikariDataSource) db.dataSource()).getJdbcUrl();
        String external = System.getenv("BOT_DB_URL");
        boolean embedded = external == null || external.isEmpty();
        Map<String, String> env = new HashMap<>(Map.of("BOT_DB_URL", url,
                "BOT_DB_USER", embedded ? "postgres" : System.getenv().getOrDefault("BOT_DB_USER", ""),
                "BOT_DB_PASSWORD", embedded ? "" : System.getenv().getOrDefault("BOT_DB_PASSWORD", ""),
                "BOT_BINANCE_REST_URL", "http://127.0.0.1:9"));
        return CliRun.run(home, env, null, args);
    }

    private static void awaitConnected(FakeBinance binance) throws InterruptedException {
        for (int i = 0; i < 200 && binance.openConnections() == 0; i++) {
            Thread.sleep(50);
        }
        assertTrue(binance.openConnections() > 0, "the feed never connected");
    }

    private static void awaitStored(Jdbi jdbi, long openTime) throws InterruptedException {
        for (int i = 0; i < 400; i++) {
            boolean stored = jdbi.withHandle(h -> h.createQuery("select count(*) from candles where open_time = :t")
                    .bind("t", openTime).mapTo(Integer.class).one()) > 0;
            if (stored) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the last candle never reached the archive");
    }
}
