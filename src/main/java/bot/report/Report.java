package bot.report;

import java.util.List;

/** The KPIs of each row (strategy and mode, sorted) and of all of them together. */
public record Report(List<Kpis> strategies, Kpis total) {

    public Report {
        strategies = List.copyOf(strategies);
    }

    /** True when nothing matched: no round trip, no fill, no open position. */
    public boolean isEmpty() {
        return strategies.isEmpty();
    }
}
