package bot.store;

import bot.domain.Candle;
import bot.domain.Interval;
import bot.domain.Network;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * The fast read of many stored candles (a backtest's year of 1m candles): {@code COPY (select ...)
 * TO STDOUT} in text form, each row parsed from its bytes straight into a {@link Candle}, instead
 * of a result set's per-column decoding. COPY takes no parameters, so only values that cannot
 * carry SQL are written into it: numbers, the network's and interval's own codes, and a symbol of
 * letters and digits (any other symbol is read the ordinary way).
 */
final class CandleCopyReader {
    static final Pattern PLAIN_SYMBOL = Pattern.compile("[A-Za-z0-9]{1,40}");

    private CandleCopyReader() {
    }

    /** Below this many milliseconds of candles one COPY does; above, the range is read in parts at once. */
    private static final long SPLIT_SPAN_MILLIS = 7L * 24 * 3600 * 1000;

    /**
     * The candles in [from, to], oldest first. A long range is cut into one part per core, read at
     * the same time on as many connections (PostgreSQL's text output of numerics takes as much CPU
     * as the parse here), then joined in order.
     */
    static List<Candle> load(Jdbi jdbi, Network network, String symbol, Interval interval, long from, long to) {
        long[] bounds = jdbi.withHandle(h -> h.createQuery("""
                select min(open_time), max(open_time) from candles
                where network = :network and symbol = :symbol and interval = :interval
                  and open_time between :from and :to""")
                .bind("network", network.code()).bind("symbol", symbol).bind("interval", interval.code())
                .bind("from", from).bind("to", to)
                .map((rs, ctx) -> rs.getObject(1) == null ? null : new long[] {rs.getLong(1), rs.getLong(2)})
                .findOne().orElse(null));
        if (bounds == null) {
            return List.of();
        }
        int parts = Runtime.getRuntime().availableProcessors();
        long span = bounds[1] - bounds[0];
        if (parts < 2 || span < SPLIT_SPAN_MILLIS) {
            return part(jdbi, network, symbol, interval, bounds[0], bounds[1]);
        }
        List<java.util.concurrent.Future<List<Candle>>> futures = new ArrayList<>();
        try (var executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            long start = bounds[0];
            for (int i = 0; i < parts; i++) {
                long first = start;
                long last = i == parts - 1 ? bounds[1] : bounds[0] + span / parts * (i + 1);
                futures.add(executor.submit(() -> part(jdbi, network, symbol, interval, first, last)));
                start = last + 1;
            }
            List<Candle> all = new ArrayList<>();
            for (var future : futures) {
                all.addAll(future.get());
            }
            return all;
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new DatabaseException(String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseException("interrupted while reading the candles of " + symbol);
        }
    }

    private static List<Candle> part(Jdbi jdbi, Network network, String symbol, Interval interval, long from, long to) {
        String sql = "copy (select open_time, close_time, open, high, low, close, volume, quote_volume, trades"
                + " from candles where network = '" + network.code() + "' and symbol = '" + symbol
                + "' and interval = '" + interval.code() + "' and open_time between " + from + " and " + to
                + " order by open_time) to stdout";
        return jdbi.withHandle(h -> {
            Connection connection = h.getConnection();
            try {
                CopyOut copy = connection.unwrap(PGConnection.class).getCopyAPI().copyOut(sql);
                List<Candle> candles = new ArrayList<>();
                char[] chars = new char[256];
                for (byte[] row = copy.readFromCopy(); row != null; row = copy.readFromCopy()) {
                    if (chars.length < row.length) {
                        chars = new char[row.length];
                    }
                    candles.add(parse(row, chars, symbol, interval));
                }
                return candles;
            } catch (SQLException e) {
                throw new DatabaseException("cannot read the candles of " + symbol + ": " + e.getMessage());
            }
        });
    }

    /** One text row: nine tab-separated fields ending with a line feed; numbers have no escapes. */
    private static Candle parse(byte[] row, char[] chars, String symbol, Interval interval) {
        int n = row.length;
        for (int i = 0; i < n; i++) {
            chars[i] = (char) row[i];
        }
        int[] starts = new int[10];
        int field = 0;
        starts[0] = 0;
        for (int i = 0; i < n && field < 9; i++) {
            if (chars[i] == '\t' || chars[i] == '\n') {
                starts[++field] = i + 1;
            }
        }
        if (field != 9) {
            throw new DatabaseException("unexpected COPY row: " + new String(chars, 0, n));
        }
        return new Candle(symbol, interval, number(chars, starts[0], starts[1] - 1), number(chars, starts[1], starts[2] - 1),
                decimal(chars, starts, 2), decimal(chars, starts, 3), decimal(chars, starts, 4), decimal(chars, starts, 5),
                decimal(chars, starts, 6), decimal(chars, starts, 7), number(chars, starts[8], starts[9] - 1), true);
    }

    private static BigDecimal decimal(char[] chars, int[] starts, int field) {
        return new BigDecimal(chars, starts[field], starts[field + 1] - 1 - starts[field]);
    }

    private static long number(char[] chars, int from, int to) {
        boolean negative = chars[from] == '-';
        long value = 0;
        for (int i = negative ? from + 1 : from; i < to; i++) {
            value = value * 10 + (chars[i] - '0');
        }
        return negative ? -value : value;
    }
}
