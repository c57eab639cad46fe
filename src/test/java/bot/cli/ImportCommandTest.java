package bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.store.Database;
import bot.testing.BinanceVision;
import bot.testing.CliRun;
import bot.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {
    @TempDir
    Path home;
    @TempDir
    Path files;

    private String url;
    private Map<String, String> env;
    private Database db;

    @BeforeEach
    void database() {
        url = TestDatabase.freshUrl();
        env = Map.of("BOT_DB_URL", url, "BOT_DB_USER", TestDatabase.user(), "BOT_DB_PASSWORD", TestDatabase.password());
        db = Database.connect(url, TestDatabase.user(), TestDatabase.password(), null);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private CliRun bot(String... args) {
        return CliRun.run(home, env, null, args);
    }

    private long count(String where) {
        return db.jdbi().withHandle(h -> h.createQuery("select count(*) from candles where " + where)
                .mapTo(Long.class).one());
    }

    private String text(String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).one());
    }

    @Test
    void realMonthsGoInExactlyOnceAndAgainChangeNothing() {
        CliRun run = bot("import", BinanceVision.file("FILUSDT-1m-2023-04.zip").toString(),
                BinanceVision.file("FILUSDT-1m-2023-05.zip").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(43_200 + 44_640, count("network = 'production' and symbol = 'FILUSDT' and interval = '1m'"));
        assertTrue(run.out().contains("FILUSDT-1m-2023-04.zip: 43,200 candles of FILUSDT 1m, 2023-04-01T00:00Z .. 2023-04-30T23:59Z, 43,200 new"),
                run.out());
        assertTrue(run.out().contains("Imported 2 of 2 files (production): 87,840 candles, 87,840 new"), run.out());
        // exactly what the file says: 1680307200000,5.685,5.695,5.684,5.692,28753.6,1680307259999,163610.5208,335,...
        assertEquals("1680307259999 5.685 5.695 5.684 5.692 28753.6 163610.5208 335", text(
                "select concat_ws(' ', close_time, open, high, low, close, volume, quote_volume, trades) from candles"
                        + " where open_time = 1680307200000"));

        CliRun again = bot("import", "--testnet", BinanceVision.file("FILUSDT-1m-2023-04.zip").toString());
        assertEquals(0, again.exitCode(), again.err());
        assertEquals(43_200, count("network = 'testnet'"));
        CliRun twice = bot("import", BinanceVision.file("FILUSDT-1m-2023-04.zip").toString());
        assertEquals(0, twice.exitCode(), twice.err());
        assertTrue(twice.out().contains("43,200 candles, 0 new"), twice.out());
        assertEquals(43_200 * 2 + 44_640, count("true"));

        // a file overlapping what is stored: only its new candles go in, the stored ones stay as they are
        db.jdbi().useHandle(h -> h.execute("delete from candles where network = 'production' and open_time >= ?",
                1_682_899_200_000L + 60_000L * 1000));
        db.jdbi().useHandle(h -> h.execute("update candles set close = 5.5 where open_time = 1682899200000"));
        CliRun overlap = bot("import", BinanceVision.file("FILUSDT-1m-2023-05.zip").toString());
        assertEquals(0, overlap.exitCode(), overlap.err());
        assertTrue(overlap.out().contains("44,640 candles, 43,640 new"), overlap.out());
        assertEquals("5.5", text("select close::text from candles where network = 'production' and open_time = 1682899200000"));
        assertEquals(43_200 + 44_640, count("network = 'production'"));
    }

    @Test
    void aSpotCsvInMicrosecondsWithTheSeriesGivenIsStoredInMilliseconds() throws IOException {
        List<String> lines = BinanceVision.lines("NEARUSDT-1m-2024-11.zip");
        List<String> spot = new ArrayList<>();
        for (String line : lines.subList(1, 1441)) {
            spot.add(BinanceVision.asSpotMicros(line));
        }
        Path csv = files.resolve("near-day.csv");
        Files.write(csv, spot, StandardCharsets.UTF_8);
        CliRun run = bot("import", "--symbol", "NEARUSDT", "--interval", "1m", csv.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(1440, count("symbol = 'NEARUSDT'"));
        assertEquals("1730419200000 1730419259999 4.0520", text("select concat_ws(' ', open_time, close_time, open)"
                + " from candles order by open_time limit 1"));
    }

    @Test
    void aFileWithOneBadRowIsRefusedWholeTheOthersStillGoInAndTheExitIs2() throws IOException {
        List<String> lines = BinanceVision.lines("NEARUSDT-1m-2024-11.zip");
        String[] f = lines.get(500).split(",", -1);
        String high = f[2];
        f[2] = f[3];
        f[3] = high;
        lines.set(500, String.join(",", f)); // high and low swapped on line 501
        Path bad = files.resolve("NEARUSDT-1m-2024-11.csv");
        Files.write(bad, lines, StandardCharsets.UTF_8);
        CliRun run = bot("import", bad.toString(), BinanceVision.file("FILUSDT-1m-2023-06.zip").toString());
        assertEquals(2, run.exitCode(), run.out());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains(bad + " refused, nothing of it stored: line 501: high " + f[2] + " is below low "),
                run.err());
        assertEquals(0, count("symbol = 'NEARUSDT'"));
        assertEquals(43_200, count("symbol = 'FILUSDT'"));
    }

    @Test
    void badInputExits2WithOneLineAndWritesNothing() throws IOException {
        Path good = BinanceVision.file("FILUSDT-1m-2023-06.zip");
        Path notZip = files.resolve("BTCUSDT-1m-2024-01.zip");
        Files.writeString(notZip, "open_time,open\n");
        Path noName = files.resolve("klines.csv");
        Files.writeString(noName, "x");
        Path wrongExtension = files.resolve("BTCUSDT-1m-2024-01.txt");
        Files.writeString(wrongExtension, "x");
        record Case(String[] args, String message) {
        }
        List<Case> cases = List.of(
                new Case(new String[] {"import", good.toString(), files.resolve("missing-1m-2024-01.zip").toString()},
                        "missing-1m-2024-01.zip: no such file"),
                new Case(new String[] {"import", "--interval", "7m", good.toString()}, "--interval: unknown interval '7m'"),
                new Case(new String[] {"import", "--symbol", "btc/usdt", good.toString()}, "--symbol: 'btc/usdt' is not a Binance symbol"),
                new Case(new String[] {"import", good.toString(), noName.toString()}, "klines.csv: the name does not say the symbol and interval"),
                new Case(new String[] {"import", wrongExtension.toString()}, "not a Binance kline file"),
                new Case(new String[] {"import", notZip.toString()}, "BTCUSDT-1m-2024-01.zip refused, nothing of it stored: not a zip archive"),
                new Case(new String[] {"import"}, "Missing required parameter"));
        for (Case c : cases) {
            CliRun run = bot(c.args());
            assertEquals(2, run.exitCode(), String.join(" ", c.args()) + ": " + run.err());
            assertTrue(run.err().contains(c.message()), run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertEquals(0, count("true"), String.join(" ", c.args()));
        }
    }
}
