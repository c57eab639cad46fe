package bot.app;

import bot.domain.ClosedTrade;
import bot.engine.RiskJournal;
import java.util.ArrayList;
import java.util.List;

/** A backtest's risk journal: it keeps when each limit would have tripped, as one line each, and nothing else. */
final class TripLog implements RiskJournal {
    private final List<String> lines = new ArrayList<>();

    @Override
    public void tripped(TripRecord trip) {
        lines.add(trip.limit() + " tripped at " + trip.at() + " (" + trip.scopeKind() + "): "
                + text(trip.value()) + " beyond " + text(trip.threshold())
                + (trip.until() == null ? ", no entries after it" : ", no entries until " + trip.until()));
    }

    private static String text(java.math.BigDecimal value) {
        return value == null ? "-" : value.toPlainString();
    }

    @Override
    public void denied(long strategyId, String reason, long candleOpenTime) {
    }

    @Override
    public List<ClosedTrade> roundTrips(long strategyId) {
        return List.of();
    }

    /** Written by the runner's thread; read once the run has ended. */
    List<String> lines() {
        return List.copyOf(lines);
    }
}
