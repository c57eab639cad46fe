package bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.domain.Candle;
import bot.domain.Interval;
import bot.domain.Network;
import bot.store.CandleInventory;
import bot.store.CandleRepository;
import bot.store.Database;
import bot.testing.BinanceVision;
import bot.testing.CliRun;
import bot.testing.RecordedCandles;
import bot.testing.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CandlesCommandTest {
    private static final long FEB_1 = 1_675_209_600_000L;
    private static final long MAR_1 = 1_677_628_800_000L;
    private static final long APR_1 = 1_680_307_200_000L;
    private static final long MAY_1 = 1_682_899_200_000L;
    private static final long JUN_1 = 1_685_577_600_000L;
    private static final long JUL_1 = 1_688_169_600_000L;
    private static Map<String, String> env;
    private static Database db;

    @TempDir
    Path home;

    /** FILUSDT 1m for February, April and June (March and May missing), and a testnet series with a hole. */
    @BeforeAll
    static void importMonths() {
        String url = TestDatabase.freshUrl();
        env = Map.of("BOT_DB_URL", url, "BOT_DB_USER", TestDatabase.user(), "BOT_DB_PASSWORD", TestDatabase.password());
        db = Database.connect(url, TestDatabase.user(), TestDatabase.password(), null);
        CliRun run = CliRun.run(Path.of("."), env, null, "import", BinanceVision.file("FILUSDT-1m-2023-02.zip").toString(),
                BinanceVision.file("FILUSDT-1m-2023-04.zip").toString(), BinanceVision.file("FILUSDT-1m-2023-06.zip").toString());
        assertEquals(0, run.exitCode(), run.err());
        List<Candle> xrp = RecordedCandles.xrpeth1m();
        CandleRepository candles = new CandleRepository(db.jdbi());
        candles.save(Network.TESTNET, xrp.subList(0, 10));
        candles.save(Network.TESTNET, xrp.subList(13, 20));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void theTableShowsEachSeriesWithItsGaps() {
        CliRun run = CliRun.run(home, env, null, "candles");
        assertEquals(0, run.exitCode(), run.err());
        String[] lines = run.out().split("\n");
        assertEquals("NETWORK     SYMBOL   INTERVAL  FIRST              LAST               CANDLES  MISSING  GAPS", lines[0]);
        assertEquals("production  FILUSDT  1m        2023-02-01T00:00Z  2023-06-30T23:59Z  126,720  89,280   2", lines[1]);
        assertTrue(lines[2].startsWith("testnet     XRPETH   1m  "), lines[2]);
        assertTrue(lines[2].endsWith("2019-10-11T00:19Z  17       3        1"), lines[2]);
        assertTrue(run.out().contains("Gaps of FILUSDT 1m (production), missing open times:\n"
                + "  2023-03-01T00:00Z .. 2023-03-31T23:59Z  44,640 candles\n"
                + "  2023-05-01T00:00Z .. 2023-05-31T23:59Z  44,640 candles\n"), run.out());
    }

    @Test
    void jsonGivesOpenTimesAndTheFiltersWork() throws Exception {
        CliRun run = CliRun.run(home, env, null, "candles", "--symbol", "FILUSDT", "--interval", "1m", "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode series = new ObjectMapper().readTree(run.out());
        assertEquals(1, series.size());
        JsonNode fil = series.get(0);
        assertEquals("production", fil.get("network").textValue());
        assertEquals(FEB_1, fil.get("firstOpenTime").longValue());
        assertEquals(JUL_1 - 60_000, fil.get("lastOpenTime").longValue());
        assertEquals(126_720, fil.get("count").longValue());
        assertEquals(89_280, fil.get("missing").longValue());
        assertEquals(MAR_1, fil.get("gaps").get(0).get("firstOpenTime").longValue());
        assertEquals(APR_1 - 60_000, fil.get("gaps").get(0).get("lastOpenTime").longValue());
        assertEquals(MAY_1, fil.get("gaps").get(1).get("firstOpenTime").longValue());
        assertEquals(JUN_1 - 60_000, fil.get("gaps").get(1).get("lastOpenTime").longValue());

        CliRun none = CliRun.run(home, env, null, "candles", "--interval", "5m");
        assertEquals(0, none.exitCode(), none.err());
        assertTrue(none.out().startsWith("No candles stored"), none.out());
        CliRun bad = CliRun.run(home, env, null, "candles", "--interval", "2m");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().startsWith("bot: --interval: unknown interval '2m'"), bad.err());
    }

    @Test
    void theMissingRangesOfARequestAreTheHolesAndBothEnds() {
        CandleInventory inventory = new CandleInventory(db.jdbi());
        long jan31 = FEB_1 - 86_400_000L;
        assertEquals(List.of(new CandleInventory.Gap(jan31, FEB_1 - 60_000), new CandleInventory.Gap(MAR_1, APR_1 - 60_000),
                        new CandleInventory.Gap(MAY_1, JUN_1 - 60_000), new CandleInventory.Gap(JUL_1, JUL_1 + 59 * 60_000)),
                inventory.missing(Network.PRODUCTION, "FILUSDT", Interval.M1, jan31, JUL_1 + 59 * 60_000));
        assertEquals(List.of(), inventory.missing(Network.PRODUCTION, "FILUSDT", Interval.M1, APR_1, MAY_1 - 60_000));
        assertEquals(List.of(new CandleInventory.Gap(MAY_1, MAY_1 + 60_000)),
                inventory.missing(Network.PRODUCTION, "FILUSDT", Interval.M1, MAY_1 - 60_000, MAY_1 + 60_000));
        assertEquals(List.of(new CandleInventory.Gap(APR_1, MAY_1)),
                inventory.missing(Network.TESTNET, "FILUSDT", Interval.M1, APR_1, MAY_1));
    }
}
