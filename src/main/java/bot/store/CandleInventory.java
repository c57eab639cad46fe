package bot.store;

import bot.domain.Interval;
import bot.domain.IntervalGrid;
import bot.domain.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * What the candles table holds: per network, symbol and interval the first and last candle, the
 * count and the gaps (missing open times). One aggregate pass gives the first, last and count; a
 * series whose count is what its first and last imply has no gap and is not read again; the others
 * are walked by PostgreSQL with a window function in the primary key's order (no sort), so only the
 * gaps travel, not the millions of rows around them.
 */
public final class CandleInventory {
    /** The open time after {@code open_time} for a month: calendar arithmetic in UTC. */
    private static final String NEXT_MONTH = "(extract(epoch from (to_timestamp(open_time / 1000.0) at time zone 'UTC'"
            + " + interval '1 month')) * 1000)::bigint";

    private final Jdbi jdbi;

    public CandleInventory(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Missing candles: open times from {@code first} to {@code last}, both included. */
    public record Gap(long first, long last) {
    }

    /** One stored series. */
    public record Series(Network network, String symbol, Interval interval, long first, long last, long count,
            List<Gap> gaps) {
    }

    private record Totals(Network network, String symbol, Interval interval, long first, long last, long count) {
    }

    /** Every stored series (only those of {@code symbol} / {@code interval} when given), by network, symbol, interval. */
    public List<Series> series(Optional<String> symbol, Optional<Interval> interval) {
        String filter = (symbol.isPresent() ? " and symbol = :symbol" : "")
                + (interval.isPresent() ? " and interval = :interval" : "");
        return jdbi.withHandle(handle -> {
            Query totals = handle.createQuery("select network, symbol, interval, min(open_time) as first,"
                    + " max(open_time) as last, count(*) as n from candles where true" + filter
                    + " group by network, symbol, interval order by network, symbol, interval");
            symbol.ifPresent(s -> totals.bind("symbol", s));
            interval.ifPresent(i -> totals.bind("interval", i.code()));
            List<Totals> rows = totals.map((rs, ctx) -> new Totals(Network.parse(rs.getString("network")),
                    rs.getString("symbol"), Interval.parse(rs.getString("interval")), rs.getLong("first"),
                    rs.getLong("last"), rs.getLong("n"))).list();
            List<Series> series = new ArrayList<>();
            for (Totals t : rows) {
                List<Gap> gaps = IntervalGrid.count(t.interval(), t.first(), t.last()) == t.count() ? List.of()
                        : gaps(handle, t.network(), t.symbol(), t.interval(), t.first(), t.last());
                series.add(new Series(t.network(), t.symbol(), t.interval(), t.first(), t.last(), t.count(), gaps));
            }
            return series;
        });
    }

    /**
     * The open times in [{@code from}, {@code to}] (both on the interval's grid) that have no
     * stored candle, as ranges, oldest first.
     */
    public List<Gap> missing(Network network, String symbol, Interval interval, long from, long to) {
        if (to < from) {
            return List.of();
        }
        return jdbi.withHandle(handle -> {
            long[] bounds = bind(handle.createQuery("select min(open_time) as first, max(open_time) as last"
                    + " from candles where network = :network and symbol = :symbol and interval = :interval"
                    + " and open_time between :from and :to"), network, symbol, interval, from, to)
                    .map((rs, ctx) -> rs.getObject("first") == null ? null
                            : new long[] {rs.getLong("first"), rs.getLong("last")})
                    .one();
            if (bounds == null) {
                return List.of(new Gap(from, to));
            }
            List<Gap> ranges = new ArrayList<>();
            if (bounds[0] > from) {
                ranges.add(new Gap(from, interval.previous(bounds[0])));
            }
            ranges.addAll(gaps(handle, network, symbol, interval, bounds[0], bounds[1]));
            if (bounds[1] < to) {
                ranges.add(new Gap(interval.next(bounds[1]), to));
            }
            return ranges;
        });
    }

    /** The holes between stored candles of one series with open time in [from, to]. */
    private static List<Gap> gaps(Handle handle, Network network, String symbol, Interval interval, long from, long to) {
        String broken = interval == Interval.MONTH1 ? "next_open <> " + NEXT_MONTH
                : "next_open - open_time <> " + interval.nominalMillis();
        return bind(handle.createQuery("select open_time, next_open from (select open_time,"
                + " lead(open_time) over (order by open_time) as next_open from candles"
                + " where network = :network and symbol = :symbol and interval = :interval"
                + " and open_time between :from and :to) c"
                + " where next_open is not null and " + broken + " order by open_time"),
                network, symbol, interval, from, to)
                .map((rs, ctx) -> new Gap(interval.next(rs.getLong("open_time")), interval.previous(rs.getLong("next_open"))))
                .list();
    }

    private static Query bind(Query query, Network network, String symbol, Interval interval, long from, long to) {
        return query.bind("network", network.code()).bind("symbol", symbol).bind("interval", interval.code())
                .bind("from", from).bind("to", to);
    }
}
