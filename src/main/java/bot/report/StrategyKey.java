package bot.report;

import bot.domain.Mode;
import java.util.Comparator;

/**
 * One row of the report: a strategy's paper and live results are never mixed, so a strategy that
 * changed mode gets one row per mode.
 */
public record StrategyKey(String strategy, Mode mode) implements Comparable<StrategyKey> {
    private static final Comparator<StrategyKey> ORDER =
            Comparator.comparing(StrategyKey::strategy).thenComparing(StrategyKey::mode);

    @Override
    public int compareTo(StrategyKey other) {
        return ORDER.compare(this, other);
    }
}
