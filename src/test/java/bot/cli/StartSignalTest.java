package bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.store.Database;
import bot.testing.Candles;
import bot.testing.MeanReversionReference;
import bot.testing.Rows;
import bot.testing.TestDatabase;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bot start --demo} in a child JVM (the real CLI and daemon, a replaying feed in place of
 * Binance's), stopped with a real SIGTERM ({@link ProcessHandle#destroy()}): it must exit 0 having
 * drained its runners, with every journaled order settled.
 */
class StartSignalTest {

    private static void awaitRunning(Path home, String strategy) throws Exception {
        Path log = home.resolve("var/log/bot.json");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readAllLines(log).stream()
                    .anyMatch(l -> l.contains("\"message\":\"strategy running\"") && l.contains("\"" + strategy + "\""))) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(strategy + " never ran: " + stderr(home));
    }

    @Test
    void sigtermStopsARunningBotStartCleanlyWithExitCodeZero(@TempDir Path home) throws Exception {
        String url = TestDatabase.freshUrl();
        long strategyId;
        try (Database db = Database.connect(url, "postgres", "", null)) {
            strategyId = Rows.strategy(db.jdbi(), "xrp-mr", "mean_reversion", "XRPETH", "paper",
                    "{\"order_value\": \"1\", \"threshold\": \"0.003\"}");
        }
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), FakeFeedStart.class.getName(), "start", "--demo");
        builder.environment().put("BOT_HOME", home.toString());
        builder.environment().put("BOT_HTTP_ADDRESS", "127.0.0.1:0"); // not the default port: runs share the machine
        builder.environment().put("BOT_DB_URL", url);
        builder.environment().put("BOT_DB_USER", "postgres");
        builder.redirectError(home.resolve("stderr.txt").toFile());
        Process process = builder.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals(FakeFeedStart.READY)) {
                // skip anything else
            }
            assertEquals(FakeFeedStart.READY, line, () -> "bot start ended early: " + stderr(home));
            // The feed hands its candles over as the runner subscribes; the runner starts a moment later.
            // A SIGTERM before that ends a strategy that never ran (its candles untraded), which is not
            // what this test is about: it waits for the strategy to run.
            awaitRunning(home, "xrp-mr");
            long t0 = System.nanoTime();
            process.toHandle().destroy(); // SIGTERM
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "bot start did not stop on SIGTERM");
            System.out.printf("bot start stopped %d ms after SIGTERM%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
        } finally {
            process.destroyForcibly();
        }
        assertEquals(0, process.exitValue(), () -> stderr(home));

        String log = Files.readString(home.resolve("var/log/bot.json"));
        assertTrue(log.contains("stopping on SIGTERM"), log);
        assertTrue(log.contains("\"message\":\"daemon stopped\""), log);
        List<MeanReversionReference.Trade> expected = MeanReversionReference.trades(Candles.xrpEth("XRPETH"), 20,
                new BigDecimal("0.003"), BigDecimal.ONE, new BigDecimal("0.002"), new BigDecimal("0.001"), 20, 300);
        try (Database db = Database.connect(url, "postgres", "", null)) {
            List<String> statuses = db.jdbi().withHandle(h -> h.createQuery(
                    "select status from orders where strategy_id = :id order by id").bind("id", strategyId)
                    .mapTo(String.class).list());
            assertEquals(expected.size(), statuses.size()); // every candle handed over was handled: drained
            assertTrue(statuses.stream().allMatch("FILLED"::equals), statuses.toString());
            int demo = db.jdbi().withHandle(h -> h.createQuery(
                    "select count(*) from strategies s join accounts a on a.id = s.account_id"
                            + " where s.name = 'demo-btcusdt' and a.name = 'demo' and a.key_type = 'none'"
                            + " and s.kind = 'mean_reversion' and s.symbol = 'BTCUSDT' and s.interval = '1m'"
                            + " and s.mode = 'paper' and s.params ->> 'order_value' = '100'")
                    .mapTo(Integer.class).one());
            assertEquals(1, demo);
        }
    }

    private static String stderr(Path home) {
        try {
            return Files.readString(home.resolve("stderr.txt"));
        } catch (java.io.IOException e) {
            return "(no stderr: " + e.getMessage() + ")";
        }
    }
}
