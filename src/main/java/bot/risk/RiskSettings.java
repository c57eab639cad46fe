package bot.risk;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What an operator set: the limits per scope, the halts and trips in force, and when each scope was
 * last resumed (a resume restarts its drawdown from where equity stands). The app fills it from the
 * database; a test or a backtest makes one by hand.
 */
public record RiskSettings(Map<Scope, Limits> limits, List<Block> blocks, Map<Scope, Instant> resumes) {

    public static final RiskSettings NONE = new RiskSettings(Map.of(), List.of(), Map.of());

    public RiskSettings {
        limits = Map.copyOf(limits);
        blocks = List.copyOf(blocks);
        resumes = Map.copyOf(resumes);
    }

    public Limits limitsOf(Scope scope) {
        return limits.getOrDefault(scope, Limits.NONE);
    }
}
