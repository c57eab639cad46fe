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

/** The built-in kind {@code mean_reversion}. */
public final class MeanReversionKind implements StrategyKind {
    static final String WINDOW = "window";
    static final String THRESHOLD = "threshold";

    private static final List<ParameterSpec> PARAMETERS = CommonParameters.with(List.of(
            ParameterSpec.withDefault(WINDOW, ParameterType.INTEGER, "20", BigDecimal.TWO, false, MAX_HISTORY,
                    "closes in the moving sum"),
            ParameterSpec.withDefault(THRESHOLD, ParameterType.DECIMAL, "0.005", BigDecimal.ZERO, false, BigDecimal.ONE,
                    "buy when the close is this fraction below the moving average")));

    @Override
    public String name() {
        return "mean_reversion";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public Strategy create(StrategyParameters parameters) {
        return new MeanReversion(parameters);
    }
}
