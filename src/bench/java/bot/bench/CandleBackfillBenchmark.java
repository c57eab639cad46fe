package bot.bench;

import bot.domain.Candle;
import bot.domain.Interval;
import bot.domain.Network;
import bot.store.CandleRepository;
import bot.store.Database;
import bot.store.EmbeddedServer;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Backfill rate of the candles table (target: at least 75,000 rows/s): upserts batches of
 * synthetic 1m candles into a fresh database and prints rows/s. Uses BOT_DB_URL (with BOT_DB_USER,
 * BOT_DB_PASSWORD) when set, else a throw-away embedded PostgreSQL with the bot's durable settings.
 * Run alone: {@code java -cp target/bench/benchmarks.jar bot.bench.CandleBackfillBenchmark [rows] [rounds]}.
 */
public final class CandleBackfillBenchmark {

    private CandleBackfillBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String url = System.getenv("BOT_DB_URL");
        Path dataDir = null;
        EmbeddedServer server = null;
        Database db;
        if (url == null || url.isEmpty()) {
            dataDir = Files.createTempDirectory("bot-bench").resolve("pgdata");
            server = EmbeddedServer.acquire(dataDir, true);
            db = Database.connect(server.jdbcUrl(), "postgres", "", server);
        } else {
            db = Database.connect(url, System.getenv("BOT_DB_USER"), System.getenv("BOT_DB_PASSWORD"), null);
        }
        try (db) {
            System.out.printf("backfill into %s%n", server == null ? "BOT_DB_URL" : "embedded PostgreSQL (fsync on)");
            run(db, rows, rounds);
        } finally {
            if (dataDir != null) {
                deleteTree(dataDir.getParent());
            }
        }
    }

    /** Rounds of {@code rows} inserts then the same rows again as updates; the median and best insert rate. */
    static List<Figure> run(Database db, int rows, int rounds) throws Exception {
        CandleRepository candles = new CandleRepository(db.jdbi());
        List<Candle> batch = synthetic(rows);
        double[] inserts = new double[rounds];
        double[] upserts = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            clear(db);
            long t0 = System.nanoTime();
            candles.save(Network.PRODUCTION, batch);
            inserts[round] = rows / ((System.nanoTime() - t0) / 1e9);
            t0 = System.nanoTime();
            candles.save(Network.PRODUCTION, batch);   // the same rows again: every one an update
            upserts[round] = rows / ((System.nanoTime() - t0) / 1e9);
            System.out.printf("round %d: insert %,.0f rows/s, upsert over existing rows %,.0f rows/s%n", round + 1,
                    inserts[round], upserts[round]);
        }
        clear(db);
        Arrays.sort(inserts);
        Arrays.sort(upserts);
        return List.of(
                Figure.atLeast(String.format("candle backfill, median of %d rounds of %,d rows", rounds, rows),
                        inserts[rounds / 2], 75_000, "rows/s", "%,.0f"),
                Figure.info("candle backfill, best round / upsert over existing rows (median)",
                        String.format("%,.0f / %,.0f rows/s", inserts[rounds - 1], upserts[rounds / 2])));
    }

    private static void deleteTree(Path root) throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void clear(Database db) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("delete from candles where symbol = 'BENCHUSDT'");
            s.execute("vacuum candles");
        }
    }

    /** A random walk of plausible BTC-like 1m candles with eight-decimal prices. */
    static List<Candle> synthetic(int rows) {
        return synthetic(rows, 5_000_000_000L);
    }

    /** The same walk with closes moving by up to {@code maxStep} (in 1e-8) per candle. */
    static List<Candle> synthetic(int rows, long maxStep) {
        List<Candle> list = new ArrayList<>(rows);
        long open = 1_600_000_000_000L;
        long price = 6_000_000_000_000L;   // 60000.00000000 in units of 1e-8
        SplittableRandom random = new java.util.SplittableRandom(42);
        for (int i = 0; i < rows; i++) {
            long close = Math.max(1_000_000, price + random.nextLong(-maxStep, maxStep));
            long high = Math.max(price, close) + random.nextLong(0, 1_000_000_000L);
            long low = Math.min(price, close) - random.nextLong(0, 1_000_000_000L);
            list.add(new Candle("BENCHUSDT", Interval.M1, open, open + 59_999, BigDecimal.valueOf(price, 8),
                    BigDecimal.valueOf(high, 8), BigDecimal.valueOf(low, 8), BigDecimal.valueOf(close, 8),
                    BigDecimal.valueOf(random.nextLong(0, 10_000_000_000L), 8),
                    BigDecimal.valueOf(random.nextLong(0, 100_000_000_000_000L), 8), random.nextLong(0, 2000), true));
            price = close;
            open += 60_000;
        }
        return list;
    }
}
