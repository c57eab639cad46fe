package bot.engine;

import bot.domain.ClosedTrade;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Where the limits keep what outlives the process: trips, denied entries, and the past they start from. */
public interface RiskJournal {

    /** A limit tripped: written as a block (so a restarted daemon starts tripped) and journaled. */
    record TripRecord(String scopeKind, String scopeName, String limit, String reason, BigDecimal value,
                      BigDecimal threshold, Instant at, Instant until) {
    }

    /** Nothing kept: for tests and backtests that keep their limits in memory. */
    RiskJournal NONE = new RiskJournal() {
        @Override
        public void tripped(TripRecord trip) {
        }

        @Override
        public void denied(long strategyId, String reason, long candleOpenTime) {
        }

        @Override
        public List<ClosedTrade> roundTrips(long strategyId) {
            return List.of();
        }
    };

    void tripped(TripRecord trip);

    /** An entry the limits denied, counted per reason by {@code bot report}. */
    void denied(long strategyId, String reason, long candleOpenTime);

    /** The strategy's closed round trips, for the equity path the limits start from. */
    List<ClosedTrade> roundTrips(long strategyId);
}
