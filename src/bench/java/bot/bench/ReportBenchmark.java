package bot.bench;

import bot.app.JournalReporter;
import bot.report.Report;
import bot.report.ReportFormat;
import bot.store.Database;
import bot.store.EmbeddedServer;
import bot.store.JournalFilter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;

/**
 * Times {@code bot report} over a big journal: 10 paper strategies, 1,000,000 orders with one fill
 * each, 500,000 round trips over two years, an open position per strategy. The journal is made
 * with bulk SQL (generate_series) in a throw-away embedded PostgreSQL, or in the database named by
 * BOT_DB_URL (BOT_DB_USER, BOT_DB_PASSWORD) when set, where it is only made when the fills table
 * is empty. Prints the first (cold) run, then each warm run and their median; the target is
 * under 2 s.
 *
 * <p>Arguments: [runs] (default 5).
 */
public final class ReportBenchmark {
    static final int STRATEGIES = 10;
    static final int ROUND_TRIPS = 500_000;

    private ReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        String url = System.getenv("BOT_DB_URL");
        EmbeddedServer server = null;
        Database db;
        Path dir = null;
        if (url == null || url.isEmpty()) {
            dir = Files.createTempDirectory("report-bench");
            server = EmbeddedServer.acquire(dir.resolve("pgdata"), false);
            db = Database.connect(server.jdbcUrl(), "postgres", "", server);
        } else {
            db = Database.connect(url, System.getenv("BOT_DB_USER"), System.getenv("BOT_DB_PASSWORD"), null);
        }
        try (db) {
            run(db, runs);
        }
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** Fills the journal when it is empty, then times a cold report and {@code runs} warm ones. */
    static List<Figure> run(Database db, int runs) throws java.io.IOException {
        db.jdbi().useHandle(ReportBenchmark::fill);
        JournalReporter reporter = new JournalReporter(db.jdbi());
        long[] millis = new long[runs];
        Report report = null;
        long cold = System.nanoTime();
        reporter.report(JournalFilter.ALL); // the first run also warms the JIT, the pool and PostgreSQL's caches
        long coldMillis = (System.nanoTime() - cold) / 1_000_000;
        System.out.printf("first run (cold JVM): %d ms%n", coldMillis);
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            report = reporter.report(JournalFilter.ALL);
            millis[i] = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("run %d: %d ms%n", i + 1, millis[i]);
        }
        Arrays.sort(millis);
        StringWriter table = new StringWriter();
        ReportFormat.TABLE.write(report, new PrintWriter(table));
        System.out.print(table);
        String what = String.format("bot report over %,d fills / %,d round trips", 2 * ROUND_TRIPS, ROUND_TRIPS);
        System.out.printf("%s: median %d ms, best %d ms (target < 2000 ms)%n", what, millis[runs / 2], millis[0]);
        return List.of(
                new Figure(what + ", median of " + runs, millis[runs / 2] + " ms", "< 2000 ms", millis[runs / 2] < 2000),
                Figure.info("bot report, first run in this JVM (classes, JIT and caches cold)", coldMillis + " ms"));
    }

    /** One BUY and one SELL order per round trip, one fill per order; trade k opens at minute 2k. */
    static void fill(Handle h) {
        if (h.createQuery("select count(*) from fills").mapTo(Long.class).one() > 0) {
            System.out.println("journal already filled, reusing it");
            return;
        }
        long t0 = System.nanoTime();
        h.execute("insert into accounts (name, key_type) values ('bench', 'none')");
        h.execute("""
                insert into strategies (name, account_id, kind, symbol, interval, mode, params)
                select 'bench-' || g, (select id from accounts where name = 'bench'), 'mean_reversion',
                       'BTCUSDT', '1m', 'paper', '{"order_value": "100"}'
                  from generate_series(1, ?) g""", STRATEGIES);
        // k: the round trip; its BUY is order 2k-1, its SELL order 2k; pnl_cents is in [-95, 104].
        String trips = """
                with k as (select g as k, (select min(id) from strategies) + g %% %d as strategy_id,
                                  timestamptz '2023-01-01 00:00:00+00' + g * interval '2 minutes' as opened_at,
                                  ((g::bigint * 2654435761) %% 200) - 95 as pnl_cents
                             from generate_series(1, %d) g)
                """.formatted(STRATEGIES, ROUND_TRIPS);
        h.execute(trips + """
                insert into orders (id, client_order_id, strategy_id, mode, symbol, side, type, status,
                                    requested_qty, executed_qty, quote_qty, avg_price, fee, fee_asset,
                                    candle_open_time, created_at, updated_at)
                select 2 * k - 1 + s.side, 'bench-' || (2 * k - 1 + s.side), strategy_id, 'paper', 'BTCUSDT',
                       case s.side when 0 then 'BUY' else 'SELL' end, 'MARKET', 'FILLED',
                       0.003, 0.003, 0.003 * (30000 + s.side * pnl_cents / 0.3 / 100.0),
                       30000 + s.side * pnl_cents / 0.3 / 100.0,
                       case when k % 4 = 0 and s.side = 0 then 0.000003 else 0.09 end,
                       case when k % 4 = 0 and s.side = 0 then 'BTC' else 'USDT' end,
                       (2 * k - 1 + s.side)::bigint * 60000,
                       opened_at + s.side * interval '1 minute', opened_at + s.side * interval '1 minute'
                  from k cross join (values (0), (1)) s(side)""");
        h.execute("""
                insert into fills (order_id, trade_id, price, qty, commission, commission_asset, time)
                select id, 't' || id, avg_price, executed_qty, fee, fee_asset, updated_at from orders""");
        h.execute(trips + """
                insert into round_trips (strategy_id, mode, symbol, entry_order_id, exit_order_id, qty,
                                         entry_price, exit_price, entry_value, exit_value, fees, net_pnl,
                                         gross_pnl, opened_at, closed_at)
                select strategy_id, 'paper', 'BTCUSDT', 2 * k - 1, 2 * k, 0.003, 30000,
                       30000 + pnl_cents / 0.3 / 100.0, 90, 90 + pnl_cents / 100.0, 0.18,
                       pnl_cents / 100.0 - 0.18, pnl_cents / 100.0, opened_at, opened_at + interval '1 minute'
                  from k""");
        h.execute("""
                insert into positions (strategy_id, symbol, qty, entry_price, entry_cost,
                                       entry_fee_quote, entry_order_id, opened_at)
                select s.id, 'BTCUSDT', 0.003, 30000, 90, 0.09, null, timestamptz '2025-01-01 00:00:00+00'
                  from strategies s""");
        h.execute("""
                insert into candles (network, symbol, interval, open_time, close_time, open, high, low, close, volume)
                select 'production', 'BTCUSDT', '1m', t, t + 59999, 30000, 30100, 29900, 30050, 1
                  from generate_series(1735689600000, 1735689600000 + 999 * 60000, 60000) t""");
        h.execute("analyze");
        System.out.printf("filled the journal in %d s%n", (System.nanoTime() - t0) / 1_000_000_000);
    }
}
