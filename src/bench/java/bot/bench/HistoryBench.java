package bot.bench;

import bot.app.CandleDownload;
import bot.app.CandleImport;
import bot.domain.Interval;
import bot.domain.Network;
import bot.rest.RestHosts;
import bot.store.CandleInventory;
import bot.store.CandleRepository;
import bot.store.Database;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * History part: {@code bot import}'s rate on a real month of 1m candles (unzip, check, COPY, insert
 * into a fresh table: target 150,000 rows/s) and on a synthetic year of them (525,600 rows), and
 * {@code bot download}'s rate against a loopback Binance, which should be the weight budget's
 * (6,000 a minute less the tenth kept in reserve: 2,700 klines requests, 45,000 candles/s
 * sustained), not our code's.
 */
final class HistoryBench {
    private static final Path REAL_MONTH = Path.of("..", "shared", "testdata", "binance-vision", "FILUSDT-1m-2023-05.zip");
    private static final int YEAR = 525_600;
    private static final long Y2024 = 1_704_067_200_000L;
    /** Klines requests a minute the budget lets through (6,000 weight x 0.9 / 2), as candles per second. */
    private static final double BUDGET_CANDLES_PER_SECOND = 6000 * 0.9 / 2 * 1000 / 60;

    private HistoryBench() {
    }

    private static long serverPid;

    static List<Figure> run(BenchDatabase pg) throws Exception {
        serverPid = pg.serverPid();
        List<Figure> figures = new ArrayList<>();
        try (Database db = pg.fresh("bench_history")) {
            CandleImport importer = new CandleImport(new CandleRepository(db.jdbi()), Network.PRODUCTION);
            double[] month = importRate(db, importer, new CandleImport.Source(REAL_MONTH.toAbsolutePath(), "FILUSDT",
                    Interval.M1), 7);
            figures.add(Figure.atLeast("import, real month FILUSDT-1m-2023-05.zip (44,640 rows), median of 7",
                    month[0], 150_000, "rows/s", "%,.0f"));
            figures.add(Figure.info("import, real month, per CPU second (JVM + PostgreSQL)",
                    String.format("%,.0f rows/CPU-s", month[1])));
            Path year = Files.createTempFile("SYNUSDT-1m-", ".csv");
            try {
                Files.write(year, syntheticYear());
                double[] rate = importRate(db, importer, new CandleImport.Source(year, "SYNUSDT", Interval.M1), 3);
                figures.add(Figure.atLeast("import, synthetic year of 1m (525,600 rows), median of 3", rate[0], 150_000,
                        "rows/s", "%,.0f"));
                figures.add(Figure.info("import, synthetic year, per CPU second (JVM + PostgreSQL)",
                        String.format("%,.0f rows/CPU-s", rate[1])));
                figures.add(inventory(db));
            } finally {
                Files.deleteIfExists(year);
            }
            figures.add(download(db));
        }
        return figures;
    }

    /**
     * Imports {@code source} into an empty table {@code rounds} times; the median rate, by the clock
     * and per CPU second of this JVM and the PostgreSQL processes together (on a busy shared
     * machine the wall-clock rate says more about the neighbours than about the import).
     */
    private static double[] importRate(Database db, CandleImport importer, CandleImport.Source source, int rounds)
            throws Exception {
        double[] rates = new double[rounds];
        double[] perCpu = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            db.jdbi().useHandle(h -> h.execute("truncate candles"));
            double cpu0 = cpuSeconds();
            long t0 = System.nanoTime();
            CandleImport.Outcome outcome = importer.importFile(source);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpu = cpuSeconds() - cpu0;
            if (outcome.refused() || outcome.inserted() != outcome.rows()) {
                throw new IllegalStateException("import of " + source.file() + " went wrong: " + outcome);
            }
            rates[round] = outcome.rows() / seconds;
            perCpu[round] = outcome.rows() / Math.max(cpu, 0.01);
            System.out.printf("import %s: %,d rows in %.3f s, %,.0f rows/s; %.2f CPU-s, %,.0f rows/CPU-s%n",
                    source.file().getFileName(), outcome.rows(), seconds, rates[round], cpu, perCpu[round]);
        }
        Arrays.sort(rates);
        Arrays.sort(perCpu);
        return new double[] {rates[rounds / 2], perCpu[rounds / 2]};
    }

    /** CPU time of this JVM and of the PostgreSQL server (its main process, backends and writers). */
    private static double cpuSeconds() throws java.io.IOException {
        double total = ProcStats.cpuSeconds(ProcessHandle.current().pid()) + ProcStats.cpuSeconds(serverPid);
        for (ProcessHandle child : ProcessHandle.of(serverPid).orElseThrow().descendants().toList()) {
            try {
                total += ProcStats.cpuSeconds(child.pid());
            } catch (java.io.IOException gone) {
                // ended meanwhile
            }
        }
        return total;
    }

    /** bot candles' query over the year just imported, with 100 holes cut in it: the median of 5. */
    private static Figure inventory(Database db) {
        db.jdbi().useHandle(h -> h.execute("delete from candles where (open_time / 60000) % 5000 = 17"));
        CandleInventory inventory = new CandleInventory(db.jdbi());
        double[] millis = new double[5];
        for (int i = 0; i < millis.length; i++) {
            long t0 = System.nanoTime();
            List<CandleInventory.Series> series = inventory.series(java.util.Optional.empty(), java.util.Optional.empty());
            millis[i] = (System.nanoTime() - t0) / 1e6;
            System.out.printf("candles inventory: %d series, %d gaps, %,d rows in %.0f ms%n", series.size(),
                    series.get(0).gaps().size(), series.get(0).count(), millis[i]);
        }
        Arrays.sort(millis);
        return Figure.info("bot candles over a year of 1m with 105 gaps (525,495 rows), median of 5",
                String.format("%.0f ms", millis[2]));
    }

    /** A year of 1m candles as a futures file writes them: a header, then twelve columns. */
    private static byte[] syntheticYear() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(YEAR * 100);
        StringBuilder line = new StringBuilder(128);
        out.writeBytes("open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,taker_buy_quote_volume,ignore\n"
                .getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < YEAR; i++) {
            long open = Y2024 + i * 60_000L;
            int cents = 250_000 + (int) ((i * 7919L) % 5_000);
            line.setLength(0);
            line.append(open).append(',').append(cents / 100).append('.').append(cents % 100 / 10).append(cents % 10)
                    .append(',').append((cents + 40) / 100).append('.').append((cents + 40) % 100 / 10).append((cents + 40) % 10)
                    .append(',').append(cents / 100).append('.').append(cents % 100 / 10).append(cents % 10)
                    .append(',').append((cents + 20) / 100).append('.').append((cents + 20) % 100 / 10).append((cents + 20) % 10)
                    .append(",1234.5,").append(open + 59_999).append(",3086250.1234,").append(100 + i % 50)
                    .append(",600.1,1500000.5,0\n");
            out.writeBytes(line.toString().getBytes(StandardCharsets.US_ASCII));
        }
        return out.toByteArray();
    }

    /** 300 pages of 1m candles from a loopback Binance, into an empty table, through a command's REST host. */
    private static Figure download(Database db) throws Exception {
        int candles = 300_000;
        long from = Y2024;
        long now = from + (candles + 1) * 60_000L + 1;
        db.jdbi().useHandle(h -> h.execute("truncate candles"));
        try (LoopbackBinance binance = new LoopbackBinance(SyntheticMarket.noisy(), () -> now)) {
            CandleDownload download = new CandleDownload(RestHosts.forCommand().host(binance.restUrl()),
                    new CandleRepository(db.jdbi()), new CandleInventory(db.jdbi()), Network.PRODUCTION,
                    Clock.systemUTC(), Thread::sleep, () -> false);
            double cpu0 = cpuSeconds();
            long t0 = System.nanoTime();
            CandleDownload.Result result = download.run("BTCUSDT", Interval.M1, from, now, new CandleDownload.Progress() {
                @Override
                public void planned(long count, long firstOpen, long lastOpen) {
                }

                @Override
                public void stored(long count) {
                }
            });
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpu = cpuSeconds() - cpu0; // the loopback Binance's work included: it runs in this JVM
            if (result.stored() != candles + 1) {
                throw new IllegalStateException("download stored " + result.stored() + " of " + (candles + 1));
            }
            double rate = result.stored() / seconds;
            System.out.printf("download: %,d candles in %d requests, %.2f s, %,.0f candles/s (the budget allows %,.0f/s"
                    + " sustained); %.1f CPU-s with the loopback Binance, %,.0f candles/CPU-s%n", result.stored(),
                    result.requests(), seconds, rate, BUDGET_CANDLES_PER_SECOND, cpu, result.stored() / cpu);
            return Figure.atLeast("download against loopback (our code's rate; the budget's is 45,000/s)", rate,
                    BUDGET_CANDLES_PER_SECOND, "candles/s", "%,.0f");
        }
    }
}
