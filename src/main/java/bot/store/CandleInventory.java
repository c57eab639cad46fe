package bot.store;

import bot.domain.Interval;
import bot.domain.Network;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * What the candles table holds: per network, symbol and interval the first and last candle, the
 * count and the gaps (missing open times), found by PostgreSQL with a window function over the
 * primary key's order, so only the gaps travel, not the millions of rows around them.
 */
public final class CandleInventory {
    /** Each interval's length in ms, for the SQL; a month (0 here) is computed with calendar arithmetic. */
    private static final String STEPS = Arrays.stream(Interval.values())
            .map(i -> "('" + i.code() + "', " + (i == Interval.MONTH1 ? 0 : i.nominalMillis()) + "::bigint)")
            .collect(Collectors.joining(", ", "steps(code, ms) as (values ", ")"));
    /** The open time that follows {@code open_time} in its interval. */
    private static final String EXPECTED_NEXT = "case when steps.ms = 0 then (extract(epoch from"
            + " (to_timestamp(open_time / 1000.0) at time zone 'UTC' + interval '1 month')) * 1000)::bigint"
            + " else open_time + steps.ms end";

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

    private record GapRow(List<String> series, long from, long nextOpen) {
    }

    /** Every stored series (only those of {@code symbol} / {@code interval} when given), by network, symbol, interval. */
    public List<Series> series(Optional<String> symbol, Optional<Interval> interval) {
        String filter = (symbol.isPresent() ? " and symbol = :symbol" : "")
                + (interval.isPresent() ? " and interval = :interval" : "");
        return jdbi.withHandle(handle -> {
            Map<List<String>, List<Gap>> gaps = new LinkedHashMap<>();
            bind(handle.createQuery("with " + STEPS + ", c as (select network, symbol, interval, open_time,"
                    + " lead(open_time) over (partition by network, symbol, interval order by open_time) as next_open"
                    + " from candles where true" + filter + ")"
                    + " select network, symbol, interval, " + EXPECTED_NEXT + " as gap_from, next_open"
                    + " from c join steps on steps.code = c.interval"
                    + " where next_open is not null and next_open <> " + EXPECTED_NEXT
                    + " order by network, symbol, interval, open_time"), symbol, interval)
                    .map((rs, ctx) -> new GapRow(List.of(rs.getString("network"), rs.getString("symbol"),
                            rs.getString("interval")), rs.getLong("gap_from"), rs.getLong("next_open")))
                    .forEach(row -> gaps.computeIfAbsent(row.series(), k -> new ArrayList<>()).add(new Gap(row.from(),
                            Interval.parse(row.series().get(2)).previous(row.nextOpen()))));
            return bind(handle.createQuery("select network, symbol, interval, min(open_time) as first,"
                    + " max(open_time) as last, count(*) as n from candles where true" + filter
                    + " group by network, symbol, interval order by network, symbol, interval"), symbol, interval)
                    .map((rs, ctx) -> new Series(Network.parse(rs.getString("network")), rs.getString("symbol"),
                            Interval.parse(rs.getString("interval")), rs.getLong("first"), rs.getLong("last"),
                            rs.getLong("n"), gaps.getOrDefault(List.of(rs.getString("network"), rs.getString("symbol"),
                                    rs.getString("interval")), List.of())))
                    .list();
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
            List<Gap> ranges = new ArrayList<>();
            String where = " from candles where network = :network and symbol = :symbol and interval = :interval"
                    + " and open_time between :from and :to";
            long[] bounds = range(handle.createQuery("select min(open_time) as first, max(open_time) as last" + where),
                    network, symbol, interval, from, to)
                    .map((rs, ctx) -> rs.getObject("first") == null ? null : new long[] {rs.getLong("first"),
                            rs.getLong("last")})
                    .findOne().orElse(null);
            if (bounds == null) {
                return List.of(new Gap(from, to));
            }
            if (bounds[0] > from) {
                ranges.add(new Gap(from, interval.previous(bounds[0])));
            }
            ranges.addAll(range(handle.createQuery("with " + STEPS + ", c as (select open_time, lead(open_time)"
                    + " over (order by open_time) as next_open, interval" + where + ")"
                    + " select " + EXPECTED_NEXT + " as gap_from, next_open from c join steps on steps.code = c.interval"
                    + " where next_open is not null and next_open <> " + EXPECTED_NEXT + " order by open_time"),
                    network, symbol, interval, from, to)
                    .map((rs, ctx) -> new Gap(rs.getLong("gap_from"), interval.previous(rs.getLong("next_open"))))
                    .list());
            if (bounds[1] < to) {
                ranges.add(new Gap(interval.next(bounds[1]), to));
            }
            return ranges;
        });
    }

    private static Query bind(Query query, Optional<String> symbol, Optional<Interval> interval) {
        symbol.ifPresent(s -> query.bind("symbol", s));
        interval.ifPresent(i -> query.bind("interval", i.code()));
        return query;
    }

    private static Query range(Query query, Network network, String symbol, Interval interval, long from, long to) {
        return query.bind("network", network.code()).bind("symbol", symbol).bind("interval", interval.code())
                .bind("from", from).bind("to", to);
    }
}
