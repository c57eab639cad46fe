package bot.store;

import bot.domain.Candle;
import bot.domain.Interval;
import bot.domain.Network;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyInputStream;

/**
 * The fast read of many stored candles (a backtest's year of 1m candles): {@code COPY (select ...)
 * TO STDOUT} in binary form (no numeric-to-text on the server, no text parse here), each row read
 * from its bytes straight into a {@link Candle}, instead of a result set's per-column decoding. COPY takes no parameters, so only values that cannot
 * carry SQL are written into it: numbers, the network's and interval's own codes, and a symbol of
 * letters and digits (any other symbol is read the ordinary way).
 */
final class CandleCopyReader {
    static final Pattern PLAIN_SYMBOL = Pattern.compile("[A-Za-z0-9]{1,40}");
    private static final int SIGNATURE_LENGTH = 11; // "PGCOPY\n\377\r\n\0"
    private static final int NUMERIC_NEG = 0x4000;
    private static final int NUMERIC_NAN = 0xC000;
    private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);

    private CandleCopyReader() {
    }

    /** Below this many milliseconds of candles one COPY does; above, the range is read in parts at once. */
    private static final long SPLIT_SPAN_MILLIS = 7L * 24 * 3600 * 1000;

    /**
     * The candles in [from, to], oldest first. A long range is cut into one part per core, read at
     * the same time on as many connections (the server's side of a COPY takes as much CPU as
     * this side's), then joined in order.
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
                + " order by open_time) to stdout with (format binary)";
        return jdbi.withHandle(h -> {
            Connection connection = h.getConnection();
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                    new PGCopyInputStream(connection.unwrap(PGConnection.class), sql), 1 << 16))) {
                in.readFully(new byte[SIGNATURE_LENGTH]);
                in.readInt(); // flags
                in.skipNBytes(in.readInt()); // header extension
                List<Candle> candles = new ArrayList<>();
                for (int fields = in.readShort(); fields != -1; fields = in.readShort()) {
                    if (fields != 9) {
                        throw new DatabaseException("unexpected COPY row of " + fields + " fields");
                    }
                    candles.add(new Candle(symbol, interval, int8(in), int8(in), numeric(in), numeric(in), numeric(in),
                            numeric(in), numeric(in), numeric(in), int8(in), true));
                }
                while (in.read() != -1) {
                    // to the end of the COPY, so the connection goes back to the pool ready
                }
                return candles;
            } catch (SQLException | IOException e) {
                throw new DatabaseException("cannot read the candles of " + symbol + ": " + e.getMessage());
            }
        });
    }

    private static long int8(DataInputStream in) throws IOException {
        if (in.readInt() != 8) {
            throw new DatabaseException("unexpected COPY field: not a bigint");
        }
        return in.readLong();
    }

    /**
     * PostgreSQL's binary numeric: digit count, weight (of the first base-10000 digit), sign, display
     * scale, then the base-10000 digits. Exact, with the scale the column's text would show.
     */
    private static BigDecimal numeric(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 8) {
            throw new DatabaseException("unexpected COPY field: not a numeric");
        }
        int ndigits = in.readShort();
        int weight = in.readShort();
        int sign = in.readShort() & 0xFFFF;
        int dscale = in.readShort();
        if (sign == NUMERIC_NAN) {
            throw new DatabaseException("a stored candle holds NaN");
        }
        BigDecimal value;
        if (ndigits <= 4) {
            long unscaled = 0;
            for (int i = 0; i < ndigits; i++) {
                unscaled = unscaled * 10_000 + in.readShort();
            }
            value = BigDecimal.valueOf(sign == NUMERIC_NEG ? -unscaled : unscaled, 4 * (ndigits - 1 - weight));
        } else {
            BigInteger unscaled = BigInteger.ZERO;
            for (int i = 0; i < ndigits; i++) {
                unscaled = unscaled.multiply(TEN_THOUSAND).add(BigInteger.valueOf(in.readShort()));
            }
            value = new BigDecimal(sign == NUMERIC_NEG ? unscaled.negate() : unscaled, 4 * (ndigits - 1 - weight));
        }
        return ndigits == 0 ? BigDecimal.ZERO.setScale(dscale) : value.setScale(dscale, RoundingMode.UNNECESSARY);
    }
}
