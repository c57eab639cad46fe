package bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.domain.Candle;
import bot.domain.Interval;
import bot.domain.Network;
import bot.store.CandleRepository;
import bot.store.Database;
import bot.testing.CliRun;
import bot.testing.FakeBinance;
import bot.testing.TestDatabase;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bot download as a person runs it, against the fake exchange named by BOT_BINANCE_REST_URL. */
class DownloadCommandTest {
    private static final long T0 = 1_704_067_200_000L; // 2024-01-01T00:00Z
    private static final int HOURS = 1_200;

    @TempDir
    Path home;

    private FakeBinance binance;
    private Database db;
    private Map<String, String> env;

    @BeforeEach
    void start() {
        binance = new FakeBinance(T0 + HOURS * 3_600_000L + 60_000);
        List<Candle> hours = new ArrayList<>();
        for (int i = 0; i <= HOURS; i++) {
            long open = T0 + i * 3_600_000L;
            BigDecimal price = new BigDecimal("2250.5").add(BigDecimal.valueOf(i % 13));
            hours.add(new Candle("ETHUSDT", Interval.H1, open, open + 3_599_999, price, price.add(BigDecimal.TEN), price,
                    price, new BigDecimal("12.5"), new BigDecimal("28131.25"), 40, true));
        }
        binance.addCandles(hours);
        String url = TestDatabase.freshUrl();
        db = Database.connect(url, TestDatabase.user(), TestDatabase.password(), null);
        env = Map.of("BOT_DB_URL", url, "BOT_DB_USER", TestDatabase.user(), "BOT_DB_PASSWORD", TestDatabase.password(),
                "BOT_BINANCE_REST_URL", binance.restUrl());
    }

    @AfterEach
    void close() {
        binance.close();
        db.close();
    }

    private CliRun bot(String... args) {
        return CliRun.run(home, env, null, args);
    }

    private long stored() {
        return db.jdbi().withHandle(h -> h.createQuery("select count(*) from candles").mapTo(Long.class).one());
    }

    @Test
    void downloadsTheRangeOnceWithASummaryLineAndAgainSaysNothingIsMissing() {
        CliRun run = bot("download", "--symbol", "ETHUSDT", "--interval", "1h", "--from", "2024-01-01", "--to", "2024-02-10");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(41 * 24, stored());
        assertEquals(1, run.out().lines().count(), run.out());
        assertTrue(run.out().startsWith("Downloaded 984 candles of ETHUSDT 1h (production), 2024-01-01T00:00Z .. "
                + "2024-02-10T23:00Z, in "), run.out());
        assertEquals(List.of(T0), binance.klinesStartTimes());
        assertEquals(new CandleRepository(db.jdbi()).load(Network.PRODUCTION, "ETHUSDT", Interval.H1, T0, T0).get(0).close(),
                new BigDecimal("2250.5"));

        CliRun again = bot("download", "--symbol", "ETHUSDT", "--interval", "1h", "--from", "2024-01-01", "--to", "2024-02-10");
        assertEquals(0, again.exitCode(), again.err());
        assertEquals("Nothing to download: ETHUSDT 1h (production) already has every closed candle of 2024-01-01T00:00Z"
                + " .. 2024-02-10T23:00Z.\n", again.out());
        assertEquals(1, binance.klinesStartTimes().size());

        // up to now (the fake's clock): only the candles after February 10th, and never the forming one
        CliRun rest = bot("download", "--symbol", "ETHUSDT", "--interval", "1h", "--from", "2024-01-01T00:00:00Z");
        assertEquals(0, rest.exitCode(), rest.err());
        assertEquals(HOURS, stored());
        assertEquals(List.of(T0, T0 + 984 * 3_600_000L), binance.klinesStartTimes());
    }

    @Test
    void badInputExits2WithOneLineAndNothingWritten() {
        String[][] cases = {
            {"--symbol", "ETHUSDT", "--interval", "2m", "--from", "2024-01-01"},
            {"--symbol", "ETHUSDT", "--interval", "1h", "--from", "2024-02-01", "--to", "2024-01-01"},
            {"--symbol", "ETHUSDT", "--interval", "1h", "--from", "yesterday"},
            {"--symbol", "eth-usdt", "--interval", "1h", "--from", "2024-01-01"},
            {"--symbol", "NOSUCHUSDT", "--interval", "1h", "--from", "2024-01-01"},
            {"--symbol", "ETHUSDT", "--interval", "1h"},
        };
        String[] messages = {"--interval: unknown interval '2m'", "--from: 2024-02-01 is not before --to 2024-01-01",
            "--from: expected an ISO-8601 time", "--symbol: 'eth-usdt' is not a Binance symbol",
            "--symbol: Binance does not list NOSUCHUSDT", "Missing required option: '--from=TIME'"};
        for (int i = 0; i < cases.length; i++) {
            String[] args = new String[cases[i].length + 1];
            args[0] = "download";
            System.arraycopy(cases[i], 0, args, 1, cases[i].length);
            CliRun run = bot(args);
            assertEquals(2, run.exitCode(), String.join(" ", args) + ": " + run.err());
            assertTrue(run.err().contains(messages[i]), run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertEquals("", run.out());
            assertEquals(0, stored());
        }
    }
}
