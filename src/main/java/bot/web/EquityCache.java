package bot.web;

import bot.store.DashboardQueries;
import bot.store.DashboardQueries.EquityPoint;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Equity curves as last computed, per strategy and size, until a round trip closes: bucketing a
 * strategy's tens of thousands of round trips takes the database a noticeable time, and every open
 * page asks again at each fill.
 */
final class EquityCache {
    private record Key(long strategy, int points) {
    }

    private record Curve(long roundTrip, List<EquityPoint> points) {
    }

    private final DashboardQueries journal;
    private final LongSupplier latestRoundTrip;
    private final Map<Key, Curve> curves = new ConcurrentHashMap<>();

    EquityCache(DashboardQueries journal, LongSupplier latestRoundTrip) {
        this.journal = journal;
        this.latestRoundTrip = latestRoundTrip;
    }

    List<EquityPoint> of(long strategy, int points) {
        long latest = latestRoundTrip.getAsLong();
        Key key = new Key(strategy, points);
        Curve cached = curves.get(key);
        if (cached != null && cached.roundTrip() == latest && latest > 0) {
            return cached.points();
        }
        List<EquityPoint> fresh = journal.equity(strategy, points);
        if (curves.size() > 1000) {
            curves.clear(); // sizes asked by scripts: keep it bounded
        }
        curves.put(key, new Curve(latest, fresh));
        return fresh;
    }
}
