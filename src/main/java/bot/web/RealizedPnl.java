package bot.web;

import bot.store.DashboardQueries;
import bot.store.DashboardQueries.RealizedSum;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Each strategy's realized PnL and round-trip count, kept up to date by adding the round trips
 * journaled since the last look (round trips are only ever inserted): one scan of the table at the
 * first call, then a range of its primary key.
 */
final class RealizedPnl {
    record Total(BigDecimal netPnl, long trades) {
        static final Total NONE = new Total(BigDecimal.ZERO, 0);
    }

    private final DashboardQueries journal;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Map<Long, Total> totals = Map.of();
    private long lastId = 0;

    RealizedPnl(DashboardQueries journal) {
        this.journal = journal;
    }

    /** Adds the round trips journaled since the last call. */
    void refresh() {
        lock.lock();
        try {
            Map<Long, Total> next = null;
            for (RealizedSum sum : journal.realizedAfter(lastId)) {
                if (next == null) {
                    next = new HashMap<>(totals);
                }
                next.merge(sum.strategyId(), new Total(sum.netPnl(), sum.trades()),
                        (a, b) -> new Total(a.netPnl().add(b.netPnl()), a.trades() + b.trades()));
                lastId = Math.max(lastId, sum.lastId());
            }
            if (next != null) {
                totals = Map.copyOf(next);
            }
        } finally {
            lock.unlock();
        }
    }

    /** The strategy's totals, as of the last refresh. */
    Total of(long strategyId) {
        return totals.getOrDefault(strategyId, Total.NONE);
    }
}
