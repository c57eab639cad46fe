package bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.domain.Candle;
import bot.store.Database;
import bot.testing.Candles;
import bot.testing.CliRun;
import bot.testing.FakeBinanceExchange;
import bot.testing.FakeOrder;
import bot.testing.LiveSetup;
import bot.testing.MeanReversionReference;
import bot.testing.MeanReversionReference.Trade;
import bot.testing.SignalPrices;
import bot.testing.TestDatabase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bot halt} outlives a {@code kill -9}: a live {@code bot start} (a child JVM: the real CLI,
 * daemon and live gateway, replaying XRPETH candles) buys, is halted with {@code bot halt --all},
 * killed, and started again: it exits its position (a halt never blocks an exit) but enters nothing;
 * after {@code bot resume --all} the next start enters again.
 */
class HaltAcrossKillTest {
    private static final String PARAMS = "{\"order_value\": \"1\", \"threshold\": 0.002}";
    private final List<Candle> candles = Candles.xrpEth("XRPETH");
    private Process child;

    @Test
    void aHaltSurvivesKillMinus9AndOnlyResumeBringsEntriesBack(@TempDir Path home) throws Exception {
        String url = TestDatabase.freshUrl();
        Map<String, String> env = Map.of("BOT_DB_URL", url, "BOT_DB_USER", TestDatabase.user(),
                "BOT_DB_PASSWORD", TestDatabase.password(), "BOT_MASTER_KEY", LiveSetup.MASTER_KEY);
        List<Trade> reference = MeanReversionReference.trades(candles, 20, new BigDecimal("0.002"), BigDecimal.ONE,
                new BigDecimal("0.002"), new BigDecimal("0.001"), 20, candles.size());
        int firstBuy = indexOf(reference.get(0).candleOpenTime());
        int firstSell = indexOf(reference.get(1).candleOpenTime());
        try (FakeBinanceExchange exchange = new FakeBinanceExchange(Clock.systemUTC());
             Database db = Database.connect(url, TestDatabase.user(), TestDatabase.password(), null)) {
            LiveSetup.account(db.jdbi(), exchange, "main");
            long id = LiveSetup.strategy(db.jdbi(), "main", "xrp-live", "XRPETH", "live", PARAMS);
            exchange.deposit(LiveSetup.apiKey("main"), "ETH", "25");
            exchange.priceOrdersBy(SignalPrices.closesWithin(candles));

            start(home, url, exchange, 20, firstBuy + 1);
            await(() -> bought(exchange).size() == 1, "the first entry");
            CliRun halt = CliRun.run(home, env, null, "halt", "--all", "--reason", "kill test");
            assertEquals(0, halt.exitCode(), halt::toString);
            killMinus9();

            int to = firstSell + 300;
            start(home, url, exchange, firstBuy + 1, to);
            await(() -> sold(exchange).size() == 1, "the exit, which a halt never blocks");
            await(() -> denied(db, id) > 0, "an entry denied by the halt");
            Thread.sleep(500);
            assertEquals(1, bought(exchange).size(), "no entry after the restart: still halted");
            CliRun list = CliRun.run(home, env, null, "list", "strategies", "--format", "json");
            assertTrue(list.out().contains("\"state\" : \"halted: kill test\""), list.out());
            killMinus9();

            assertEquals(0, CliRun.run(home, env, null, "resume", "--all").exitCode());
            start(home, url, exchange, to, candles.size());
            await(() -> bought(exchange).size() >= 2, "an entry after bot resume");
            child.toHandle().destroy();
            assertTrue(child.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, child.exitValue(), () -> stderr(home));
        } finally {
            if (child != null) {
                child.destroyForcibly();
            }
        }
    }

    private static long denied(Database db, long id) {
        return db.jdbi().withHandle(h -> h.createQuery(
                "select count(*) from risk_denials where strategy_id = :id and reason = 'halted'").bind("id", id)
                .mapTo(Long.class).one());
    }

    private static List<FakeOrder> bought(FakeBinanceExchange exchange) {
        return exchange.orders().stream().filter(o -> o.side().equals("BUY") && o.executed()).toList();
    }

    private static List<FakeOrder> sold(FakeBinanceExchange exchange) {
        return exchange.orders().stream().filter(o -> o.side().equals("SELL") && o.executed()).toList();
    }

    private int indexOf(long openTime) {
        for (int i = 0; i < candles.size(); i++) {
            if (candles.get(i).openTime() == openTime) {
                return i;
            }
        }
        throw new AssertionError("no candle opens at " + openTime);
    }

    private void start(Path home, String url, FakeBinanceExchange exchange, int from, int to) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Dreplay.from=" + from, "-Dreplay.to=" + to,
                "-cp", System.getProperty("java.class.path"), LiveFeedStart.class.getName(), "start");
        builder.environment().put("BOT_HOME", home.toString());
        builder.environment().put("BOT_DB_URL", url);
        builder.environment().put("BOT_DB_USER", TestDatabase.user());
        builder.environment().put("BOT_DB_PASSWORD", TestDatabase.password());
        builder.environment().put("BOT_MASTER_KEY", LiveSetup.MASTER_KEY);
        builder.environment().put("BOT_BINANCE_REST_URL", exchange.baseUrl());
        builder.redirectError(ProcessBuilder.Redirect.appendTo(home.resolve("stderr.txt").toFile()));
        child = builder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.equals(FakeFeedStart.READY)) {
                return;
            }
        }
        throw new AssertionError("bot start ended before its feed started: " + stderr(home));
    }

    private void killMinus9() throws InterruptedException {
        child.destroyForcibly();
        child.waitFor();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    private static String stderr(Path home) {
        try {
            return Files.readString(home.resolve("stderr.txt"));
        } catch (IOException e) {
            return "(no stderr: " + e.getMessage() + ")";
        }
    }
}
