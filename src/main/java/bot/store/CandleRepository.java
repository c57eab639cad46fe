package bot.store;

import bot.domain.Candle;
import bot.domain.Interval;
import bot.domain.Network;
import bot.engine.CandleArchive;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.Handle;

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
                .map((rs, ctx) -> new Candle(symbol, interval, rs.getLong("open_time"), rs.getLong("close_time"),
                        rs.getBigDecimal("open"), rs.getBigDecimal("high"), rs.getBigDecimal("low"),
                        rs.getBigDecimal("close"), rs.getBigDecimal("volume"), rs.getBigDecimal("quote_volume"),
                        rs.getLong("trades"), true))
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
                .map((rs, ctx) -> new Candle(symbol, interval, rs.getLong("open_time"), rs.getLong("close_time"),
                        rs.getBigDecimal("open"), rs.getBigDecimal("high"), rs.getBigDecimal("low"),
                        rs.getBigDecimal("close"), rs.getBigDecimal("volume"), rs.getBigDecimal("quote_volume"),
                        rs.getLong("trades"), true))
                .list());
        List<Candle> oldestFirst = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    private record Key(String symbol, Interval interval, long openTime) {
    }
}
