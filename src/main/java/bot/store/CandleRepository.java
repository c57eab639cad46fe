package bot.store;

import bot.domain.Candle;
import bot.domain.Interval;
import bot.domain.Network;
import bot.engine.CandleArchive;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.postgresql.PGConnection;

/**
 * The candles table, one archive per network: upserts on (network, symbol, interval, open_time), a chunk of rows per statement (the
 * columns as arrays, unnested by the server), so a backfill of thousands of rows is a few round
 * trips, and so is the archive of one candle from each of a thousand streams.
 */
public final class CandleRepository implements CandleArchive {
    static final int CHUNK = 5000;
    private static final String UPSERT = """
            insert into candles (network, symbol, interval, open_time, close_time, open, high, low, close, volume,
                                 quote_volume, trades)
            select :network, * from unnest(:symbols, :intervals, :openTimes, :closeTimes, :opens, :highs, :lows, :closes, :volumes,
                                 :quoteVolumes, :trades)
            on conflict (network, symbol, interval, open_time) do update set
                close_time = excluded.close_time, open = excluded.open, high = excluded.high, low = excluded.low,
                close = excluded.close, volume = excluded.volume, quote_volume = excluded.quote_volume,
                trades = excluded.trades""";

    /** Rows a COPY brings in wait here, so that the insert into candles can skip those already stored. */
    private static final String STAGING = """
            create temp table candle_import (open_time bigint, close_time bigint, open numeric, high numeric,
                low numeric, close numeric, volume numeric, quote_volume numeric, trades bigint) on commit drop""";
    private static final String COPY = "copy candle_import (open_time, close_time, open, high, low, close, volume,"
            + " quote_volume, trades) from stdin";
    private static final String FROM_STAGING = """
            insert into candles (network, symbol, interval, open_time, close_time, open, high, low, close, volume,
                                 quote_volume, trades)
            select :network, :symbol, :interval, open_time, close_time, open, high, low, close, volume, quote_volume, trades
            from candle_import
            on conflict (network, symbol, interval, open_time) do nothing""";

    private static final String DIRECT = "copy candles (network, symbol, interval, open_time, close_time, open, high, low,"
            + " close, volume, quote_volume, trades) from stdin";
    private static final String UNIQUE_VIOLATION = "23505";
    /** A symbol that needs no escaping in COPY text. */
    private static final java.util.regex.Pattern PLAIN = java.util.regex.Pattern.compile("[A-Z0-9]{1,40}");

    private final Jdbi jdbi;

    public CandleRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void save(Network network, List<Candle> closed) {
        if (closed.isEmpty()) {
            return;
        }
        // One statement must not touch a row twice (on conflict would fail): the last one wins.
        Map<Key, Candle> unique = new LinkedHashMap<>();
        for (Candle candle : closed) {
            unique.put(new Key(candle.symbol(), candle.interval(), candle.openTime()), candle);
        }
        List<Candle> rows = new ArrayList<>(unique.values());
        jdbi.useTransaction(handle -> {
            handle.registerArrayType(BigDecimal.class, "numeric");
            for (int from = 0; from < rows.size(); from += CHUNK) {
                upsert(handle, network, rows.subList(from, Math.min(rows.size(), from + CHUNK)));
            }
        });
    }

    /**
     * Bulk import: {@code rows} (PostgreSQL COPY text: tab-separated open_time, close_time, open,
     * high, low, close, volume, quote_volume, trades; one candle a line, already checked, open times
     * in [{@code firstOpen}, {@code lastOpen}]) go through the driver's COPY, keeping any candle
     * already stored. When none is stored in that range they are copied straight into candles (half
     * the work); otherwise, or when a concurrent writer got there first, through a staging table and
     * an insert that skips what exists. One transaction: all of them or none.
     *
     * @return how many candles were new
     */
    public long importRows(Network network, String symbol, Interval interval, byte[] rows, int length, long firstOpen,
            long lastOpen) {
        return jdbi.inTransaction(handle -> {
            boolean stored = handle.createQuery("select exists (select 1 from candles where network = :network"
                            + " and symbol = :symbol and interval = :interval and open_time between :first and :last)")
                    .bind("network", network.code())
                    .bind("symbol", symbol)
                    .bind("interval", interval.code())
                    .bind("first", firstOpen)
                    .bind("last", lastOpen)
                    .mapTo(Boolean.class).one();
            if (!stored && PLAIN.matcher(symbol).matches()) {
                handle.savepoint("direct_copy");
                try {
                    return copy(handle, DIRECT, withSeries(network, symbol, interval, rows, length));
                } catch (SQLException e) {
                    if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                        throw new DatabaseException("cannot import candles: " + e.getMessage());
                    }
                    handle.rollbackToSavepoint("direct_copy"); // another writer stored some meanwhile
                }
            }
            handle.execute(STAGING);
            try {
                copy(handle, COPY, new ByteArrayInputStream(rows, 0, length));
            } catch (SQLException e) {
                throw new DatabaseException("cannot import candles: " + e.getMessage());
            }
            return (long) handle.createUpdate(FROM_STAGING)
                    .bind("network", network.code())
                    .bind("symbol", symbol)
                    .bind("interval", interval.code())
                    .execute();
        });
    }

    private static long copy(Handle handle, String sql, InputStream in) throws SQLException {
        try {
            return handle.getConnection().unwrap(PGConnection.class).getCopyAPI().copyIn(sql, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows with the series' key columns in front of each line, as a COPY straight into candles reads them. */
    private static InputStream withSeries(Network network, String symbol, Interval interval, byte[] rows, int length) {
        byte[] prefix = (network.code() + "\t" + symbol + "\t" + interval.code() + "\t").getBytes(StandardCharsets.US_ASCII);
        int lines = 0;
        for (int i = 0; i < length; i++) {
            if (rows[i] == '\n') {
                lines++;
            }
        }
        byte[] out = new byte[length + lines * prefix.length];
        int at = 0;
        int start = 0;
        for (int i = 0; i < length; i++) {
            if (rows[i] == '\n') {
                System.arraycopy(prefix, 0, out, at, prefix.length);
                at += prefix.length;
                System.arraycopy(rows, start, out, at, i + 1 - start);
                at += i + 1 - start;
                start = i + 1;
            }
        }
        return new ByteArrayInputStream(out, 0, at);
    }

    /** One statement per chunk: the columns travel as arrays and unnest turns them back into rows. */
    private static void upsert(Handle handle, Network network, List<Candle> chunk) {
        int n = chunk.size();
        String[] symbols = new String[n];
        String[] intervals = new String[n];
        long[] openTimes = new long[n];
        long[] closeTimes = new long[n];
        long[] trades = new long[n];
        BigDecimal[] opens = new BigDecimal[n];
        BigDecimal[] highs = new BigDecimal[n];
        BigDecimal[] lows = new BigDecimal[n];
        BigDecimal[] closes = new BigDecimal[n];
        BigDecimal[] volumes = new BigDecimal[n];
        BigDecimal[] quoteVolumes = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            Candle c = chunk.get(i);
            symbols[i] = c.symbol();
            intervals[i] = c.interval().code();
            openTimes[i] = c.openTime();
            closeTimes[i] = c.closeTime();
            trades[i] = c.trades();
            opens[i] = c.open();
            highs[i] = c.high();
            lows[i] = c.low();
            closes[i] = c.close();
            volumes[i] = c.volume();
            quoteVolumes[i] = c.quoteVolume();
        }
        handle.createUpdate(UPSERT)
                .bind("network", network.code())
                .bind("symbols", symbols)
                .bind("intervals", intervals)
                .bind("openTimes", openTimes)
                .bind("closeTimes", closeTimes)
                .bind("opens", opens)
                .bind("highs", highs)
                .bind("lows", lows)
                .bind("closes", closes)
                .bind("volumes", volumes)
                .bind("quoteVolumes", quoteVolumes)
                .bind("trades", trades)
                .execute();
    }

    /** How many connections a long {@link #load} reads on at once. */
    public static int parallelReads() {
        return CandleCopyReader.PARTS;
    }

    /**
     * The stored candles of {@code network} with open time in [from, to], oldest first; read with
     * COPY ({@link CandleCopyReader}) for any symbol of letters and digits.
     */
    public List<Candle> load(Network network, String symbol, Interval interval, long fromOpenTime, long toOpenTime) {
        if (CandleCopyReader.PLAIN_SYMBOL.matcher(symbol).matches()) {
            return CandleCopyReader.load(jdbi, network, symbol, interval, fromOpenTime, toOpenTime);
        }
        return jdbi.withHandle(handle -> handle.createQuery("""
                        select open_time, close_time, open, high, low, close, volume, quote_volume, trades
                        from candles
                        where network = :network and symbol = :symbol and interval = :interval and open_time between :from and :to
                        order by open_time""")
                .bind("network", network.code())
                .bind("symbol", symbol)
                .bind("interval", interval.code())
                .bind("from", fromOpenTime)
                .bind("to", toOpenTime)
                .map(closedCandle(symbol, interval))
                .list());
    }

    /** The last {@code count} stored candles of {@code network} opened before {@code beforeOpenTime}, oldest first. */
    public List<Candle> loadBefore(Network network, String symbol, Interval interval, long beforeOpenTime, int count) {
        List<Candle> newestFirst = jdbi.withHandle(handle -> handle.createQuery("""
                        select open_time, close_time, open, high, low, close, volume, quote_volume, trades
                        from candles
                        where network = :network and symbol = :symbol and interval = :interval and open_time < :before
                        order by open_time desc limit :count""")
                .bind("network", network.code())
                .bind("symbol", symbol)
                .bind("interval", interval.code())
                .bind("before", beforeOpenTime)
                .bind("count", count)
                .map(closedCandle(symbol, interval))
                .list());
        List<Candle> oldestFirst = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    /** A row of candles' columns as a closed candle of {@code symbol} and {@code interval}. */
    private static RowMapper<Candle> closedCandle(String symbol, Interval interval) {
        return (rs, ctx) -> new Candle(symbol, interval, rs.getLong("open_time"), rs.getLong("close_time"),
                rs.getBigDecimal("open"), rs.getBigDecimal("high"), rs.getBigDecimal("low"), rs.getBigDecimal("close"),
                rs.getBigDecimal("volume"), rs.getBigDecimal("quote_volume"), rs.getLong("trades"), true);
    }

    private record Key(String symbol, Interval interval, long openTime) {
    }
}
