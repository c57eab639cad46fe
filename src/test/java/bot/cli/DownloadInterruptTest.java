package bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.domain.Candle;
import bot.domain.Interval;
import bot.store.Database;
import bot.testing.CliRun;
import bot.testing.FakeBinance;
import bot.testing.TestDatabase;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sun.misc.Signal;

/**
 * Ctrl-C during bot download, as a person presses it: a real SIGINT to this JVM while pages are
 * coming in. What was stored stays, the command says how far it got and exits 1, and the same
 * command run again fetches only the rest.
 */
class DownloadInterruptTest {
    private static final long T0 = 1_704_067_200_000L; // 2024-01-01T00:00Z
    private static final int COUNT = 30_000;

    @TempDir
    Path home;

    @Test
    void ctrlCKeepsWhatWasStoredAndTheNextRunFetchesTheRest() throws Exception {
        List<Candle> minutes = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            long open = T0 + i * 60_000L;
            BigDecimal price = new BigDecimal("42000.5").add(BigDecimal.valueOf(i % 11));
            minutes.add(new Candle("BTCUSDT", Interval.M1, open, open + 59_999, price, price, price, price,
                    new BigDecimal("0.5"), new BigDecimal("21000.25"), 3, true));
        }
        String url = TestDatabase.freshUrl();
        try (FakeBinance binance = new FakeBinance(T0 + COUNT * 60_000L);
             Database db = Database.connect(url, TestDatabase.user(), TestDatabase.password(), null)) {
            binance.addCandles(minutes);
            Map<String, String> env = Map.of("BOT_DB_URL", url, "BOT_DB_USER", TestDatabase.user(), "BOT_DB_PASSWORD",
                    TestDatabase.password(), "BOT_BINANCE_REST_URL", binance.restUrl());
            String[] args = {"download", "--symbol", "BTCUSDT", "--interval", "1m", "--from", "2024-01-01"};
            CompletableFuture<CliRun> first = CompletableFuture.supplyAsync(() -> CliRun.run(home, env, null, args));
            while (count(db) < 2_000 && !first.isDone()) {
                Thread.sleep(5);
            }
            Signal.raise(new Signal("INT"));
            CliRun interrupted = first.get();
            assertEquals(1, interrupted.exitCode(), interrupted.out() + interrupted.err());
            Matcher m = Pattern.compile("Interrupted: stored ([0-9,]+) of 30,000 missing candles of BTCUSDT 1m \\(production\\)")
                    .matcher(interrupted.out());
            assertTrue(m.find(), interrupted.out());
            long kept = Long.parseLong(m.group(1).replace(",", ""));
            assertTrue(kept >= 2_000 && kept < COUNT, "kept " + kept);
            assertEquals(kept, count(db), "every page it counted is stored");

            CliRun rest = CliRun.run(home, env, null, args);
            assertEquals(0, rest.exitCode(), rest.err());
            assertTrue(rest.out().startsWith(String.format("Downloaded %,d candles of BTCUSDT 1m", COUNT - kept)), rest.out());
            assertEquals(COUNT, count(db));
            assertEquals(T0 + kept * 60_000L, (long) binance.klinesStartTimes().get((int) (kept / 1000)),
                    "the second run starts where the first stopped");
        }
    }

    private static long count(Database db) {
        return db.jdbi().withHandle(h -> h.createQuery("select count(*) from candles").mapTo(Long.class).one());
    }
}
