package bot.report;

import java.util.List;
import java.util.Map;

/** The KPIs of each row (strategy and mode, sorted) and of all of them together. */
public record Report(List<Kpis> strategies, Kpis total, Map<String, Long> deniedEntries) {

    public Report {
        strategies = List.copyOf(strategies);
        deniedEntries = Map.copyOf(deniedEntries);
    }

    public Report(List<Kpis> strategies, Kpis total) {
        this(strategies, total, Map.of());
    }

    /** With the entries the risk limits denied in the period, per reason (halted, max_drawdown, ...). */
    public Report withDeniedEntries(Map<String, Long> denied) {
        return new Report(strategies, total, denied);
    }

    /** True when nothing matched: no round trip, no fill, no open position. */
    public boolean isEmpty() {
        return strategies.isEmpty();
    }
}
