package bot.store;

import bot.domain.Candle;
import bot.domain.Interval;
import bot.engine.CandleArchive;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The candles table: upserts on (symbol, interval, open_time), sent as JDBC batches that the driver
 * rewrites into multi-row inserts ({@code reWriteBatchedInserts}), so a backfill of thousands of
 * rows is a few round trips.
 */
public final class CandleRepository implements CandleArchive {
    static final int CHUNK = 1000;
    private static final String UPSERT = """
            insert into candles (symbol, interval, open_time, close_time, open, high, low, close, volume,
                                 quote_volume, trades)
            values (:symbol, :interval, :openTime, :closeTime, :open, :high, :low, :close, :volume,
                    :quoteVolume, :trades)
            on conflict (symbol, interval, open_time) do update set
                close_time = excluded.close_time, open = excluded.open, high = excluded.high, low = excluded.low,
                close = excluded.close, volume = excluded.volume, quote_volume = excluded.quote_volume,
                trades = excluded.trades""";

    private final Jdbi jdbi;

    public CandleRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void save(List<Candle> closed) {
        if (closed.isEmpty()) {
            return;
        }
        // One statement must not touch a row twice (the rewritten multi-row upsert would fail): last one wins.
        Map<Key, Candle> unique = new LinkedHashMap<>();
        for (Candle candle : closed) {
            unique.put(new Key(candle.symbol(), candle.interval(), candle.openTime()), candle);
        }
        List<Candle> rows = List.copyOf(unique.values());
        jdbi.useTransaction(handle -> {
            for (int from = 0; from < rows.size(); from += CHUNK) {
                PreparedBatch batch = handle.prepareBatch(UPSERT);
                for (Candle c : rows.subList(from, Math.min(rows.size(), from + CHUNK))) {
                    batch.bind("symbol", c.symbol())
                            .bind("interval", c.interval().code())
                            .bind("openTime", c.openTime())
                            .bind("closeTime", c.closeTime())
                            .bind("open", c.open())
                            .bind("high", c.high())
                            .bind("low", c.low())
                            .bind("close", c.close())
                            .bind("volume", c.volume())
                            .bind("quoteVolume", c.quoteVolume())
                            .bind("trades", c.trades())
                            .add();
                }
                batch.execute();
            }
        });
    }

    /** The stored candles with open time in [from, to], oldest first. */
    public List<Candle> load(String symbol, Interval interval, long fromOpenTime, long toOpenTime) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        select open_time, close_time, open, high, low, close, volume, quote_volume, trades
                        from candles
                        where symbol = :symbol and interval = :interval and open_time between :from and :to
                        order by open_time""")
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

    private record Key(String symbol, Interval interval, long openTime) {
    }
}
