package bot.app;

import bot.risk.Limits;
import bot.risk.RiskSettings;
import bot.risk.Scope;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The risk limits a backtest runs under: a stored strategy's own limits and its account's, as
 * {@code bot limits set} stored them, with no halt in force (a backtest starts untripped). The
 * account's limits see this one strategy, the only one in the run.
 */
record BacktestLimits(String account, Limits strategyLimits, Limits accountLimits) {
    static final BacktestLimits NONE = new BacktestLimits("", null, null);

    /** The settings for a run whose strategy is named {@code runName} in its book. */
    RiskSettings settings(String runName) {
        Map<Scope, Limits> limits = new HashMap<>();
        if (strategyLimits != null) {
            limits.put(Scope.strategy(runName), strategyLimits);
        }
        if (accountLimits != null) {
            limits.put(Scope.account(account), accountLimits);
        }
        return new RiskSettings(limits, List.of(), Map.of());
    }
}
