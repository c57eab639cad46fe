package bot.store;

import bot.domain.CandleSeries;
import bot.domain.Interval;
import bot.domain.Network;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyInputStream;

/**
 * The fast read of many stored candles (a backtest's year of 1m candles): {@code COPY (select ...)
 * TO STDOUT}, each row parsed from its bytes straight into a {@link CandleSeries} ({@link CopyRows}) instead
 * of a result set's per-column decoding. COPY takes no parameters, so only values that cannot carry
 * SQL are written into it: numbers, the network's and interval's own codes, and a symbol of
 * letters and digits (any other symbol is read the ordinary way).
 */
final class CandleCopyReader {
    static final Pattern PLAIN_SYMBOL = Pattern.compile("[A-Za-z0-9]{1,40}");

    private CandleCopyReader() {
    }

    /** Below this many milliseconds of candles one COPY does; above, the range is read in parts at once. */
    private static final long SPLIT_SPAN_MILLIS = 7L * 24 * 3600 * 1000;

    /** Parts read at once: one per core, at most 6, as each holds one of the pool's connections. */
    static final int PARTS = Math.min(6, Runtime.getRuntime().availableProcessors());

    /**
     * The candles in [from, to], oldest first. A long range is cut into one part per core, read at
     * the same time on as many connections, then joined in order: the server's side of a COPY is
     * most of the work (a year of 1m candles: 0.4 CPU-seconds of PostgreSQL to 0.15 of ours). More
     * parts than cores read faster in a warmed-up JVM but slower in a fresh one (a bin/bot backtest),
     * whose code is not compiled yet: 4 parts took 1.3 s there, 2 parts 0.75 s.
     */
    static CandleSeries load(Jdbi jdbi, Network network, String symbol, Interval interval, long from, long to) {
        long[] bounds = jdbi.withHandle(h -> h.createQuery("""
                select min(open_time), max(open_time) from candles
                where network = :network and symbol = :symbol and interval = :interval
                  and open_time between :from and :to""")
                .bind("network", network.code()).bind("symbol", symbol).bind("interval", interval.code())
                .bind("from", from).bind("to", to)
                .map((rs, ctx) -> rs.getObject(1) == null ? null : new long[] {rs.getLong(1), rs.getLong(2)})
                .findOne().orElse(null));
        if (bounds == null) {
            return CandleSeries.builder(symbol, interval, 0).build();
        }
        int parts = PARTS;
        long span = bounds[1] - bounds[0];
        if (parts < 2 || span < SPLIT_SPAN_MILLIS) {
            return part(jdbi, network, symbol, interval, bounds[0], bounds[1]);
        }
        List<Future<CandleSeries>> futures = new ArrayList<>();
        // Platform threads: a virtual thread parks whenever its socket is empty and waits for the poller
        // and a free carrier to go on, and on 2 cores those waits left the server idle (a year's read
        // 290-550 ms on virtual threads, mostly 260-320 ms on these).
        try (var executor = Executors.newFixedThreadPool(parts, Thread.ofPlatform().name("candle-read-", 1).factory())) {
            long start = bounds[0];
            for (int i = 0; i < parts; i++) {
                long first = start;
                long last = i == parts - 1 ? bounds[1] : bounds[0] + span / parts * (i + 1);
                futures.add(executor.submit(() -> part(jdbi, network, symbol, interval, first, last)));
                start = last + 1;
            }
            List<CandleSeries> read = new ArrayList<>();
            for (var future : futures) {
                read.add(future.get());
            }
            return CandleSeries.join(symbol, interval, read);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new DatabaseException(String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseException("interrupted while reading the candles of " + symbol);
        }
    }

    private static CandleSeries part(Jdbi jdbi, Network network, String symbol, Interval interval, long from, long to) {
        String sql = "copy (select open_time, close_time, open, high, low, close, volume, quote_volume, trades"
                + " from candles where network = '" + network.code() + "' and symbol = '" + symbol
                + "' and interval = '" + interval.code() + "' and open_time between " + from + " and " + to
                + " order by open_time) to stdout";
        // Room for the whole span when the data has no holes; capped, as a span with holes holds fewer
        // (the series grows past it when needed, and is trimmed when it holds far fewer).
        int expected = (int) Math.min(1 << 19, Math.max(16, (to - from) / interval.nominalMillis() + 1));
        return jdbi.withHandle(h -> {
            Connection connection = h.getConnection();
            try (CopyRows rows = new CopyRows(new PGCopyInputStream(connection.unwrap(PGConnection.class), sql))) {
                CandleSeries.Builder candles = CandleSeries.builder(symbol, interval, expected);
                while (rows.next()) {
                    candles.startRow(rows.int8(), rows.int8());
                    rows.numeric(candles, CandleSeries.OPEN);
                    rows.numeric(candles, CandleSeries.HIGH);
                    rows.numeric(candles, CandleSeries.LOW);
                    rows.numeric(candles, CandleSeries.CLOSE);
                    rows.numeric(candles, CandleSeries.VOLUME);
                    rows.numeric(candles, CandleSeries.QUOTE_VOLUME);
                    candles.endRow(rows.int8());
                }
                return candles.build();
            } catch (SQLException | IOException e) {
                throw new DatabaseException("cannot read the candles of " + symbol + ": " + e.getMessage());
            }
        });
    }
}
