package bot.strategy.kinds;

import static bot.strategy.CommonParameters.MAX_HISTORY;

import bot.strategy.CommonParameters;
import bot.strategy.ParameterSpec;
import bot.strategy.ParameterType;
import bot.strategy.Strategy;
import bot.strategy.StrategyKind;
import bot.strategy.StrategyParameters;
import java.math.BigDecimal;
import java.util.List;

/** The built-in kind {@code breakout}. */
public final class BreakoutKind implements StrategyKind {
    static final String LOOKBACK = "lookback";

    private static final List<ParameterSpec> PARAMETERS = CommonParameters.with(List.of(
            ParameterSpec.withDefault(LOOKBACK, ParameterType.INTEGER, "20", BigDecimal.TWO, false, MAX_HISTORY,
                    "earlier candles whose highest high / lowest low form the channel")));

    @Override
    public String name() {
        return "breakout";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public Strategy create(StrategyParameters parameters) {
        return new Breakout(parameters);
    }
}
