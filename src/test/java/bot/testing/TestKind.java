package bot.testing;

import bot.domain.Candle;
import bot.strategy.CommonParameters;
import bot.strategy.ParameterSpec;
import bot.strategy.ParameterType;
import bot.strategy.Strategy;
import bot.strategy.StrategyContext;
import bot.strategy.StrategyKind;
import bot.strategy.StrategyParameters;
import java.math.BigDecimal;
import java.util.List;

/**
 * A strategy kind for tests of the set-up commands (registered in test resources' META-INF/services):
 * the common parameters plus {@code window}, an int >= 2 defaulting to 20. Its strategy never trades.
 */
public final class TestKind implements StrategyKind {
    public static final String NAME = "test_window";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return CommonParameters.with(List.of(ParameterSpec.withDefault("window", ParameterType.INTEGER, "20",
                new BigDecimal(2), false, null, "closes in the window")));
    }

    @Override
    public Strategy create(StrategyParameters parameters) {
        return new Strategy() {
            @Override
            public int warmupCandles() {
                return parameters.integer("window");
            }

            @Override
            public void onCandle(Candle closed, StrategyContext context) {
                // never trades
            }
        };
    }
}
