package bot.strategy.kinds;

import static bot.strategy.CommonParameters.MAX_HISTORY;

import bot.strategy.CommonParameters;
import bot.strategy.InvalidParameterException;
import bot.strategy.ParameterSpec;
import bot.strategy.ParameterType;
import bot.strategy.Strategy;
import bot.strategy.StrategyKind;
import bot.strategy.StrategyParameters;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The built-in kind {@code rsi}. */
public final class RsiKind implements StrategyKind {
    static final String PERIOD = "period";
    static final String BUY_BELOW = "buy_below";
    static final String SELL_ABOVE = "sell_above";
    static final String TAKE_PROFIT = "take_profit";

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final List<ParameterSpec> PARAMETERS = CommonParameters.with(List.of(
            ParameterSpec.withDefault(PERIOD, ParameterType.INTEGER, "14", BigDecimal.TWO, false, MAX_HISTORY,
                    "closes in Wilder's RSI"),
            ParameterSpec.withDefault(BUY_BELOW, ParameterType.DECIMAL, "40", BigDecimal.ZERO, false, HUNDRED,
                    "buy when the RSI is below this"),
            ParameterSpec.withDefault(SELL_ABOVE, ParameterType.DECIMAL, "60", BigDecimal.ZERO, false, HUNDRED,
                    "sell when the RSI is above this"),
            ParameterSpec.withDefault(CommonParameters.STOP_LOSS, ParameterType.DECIMAL, "0.03", BigDecimal.ZERO, true,
                    BigDecimal.ONE, "exit when the close falls this fraction below the entry price"),
            ParameterSpec.withDefault(TAKE_PROFIT, ParameterType.DECIMAL, "0.02", BigDecimal.ZERO, true, BigDecimal.ONE,
                    "sell when the close is this fraction above the entry price")));

    @Override
    public String name() {
        return "rsi";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public StrategyParameters validate(Map<String, String> raw) {
        StrategyParameters parameters = StrategyKind.super.validate(raw);
        if (parameters.decimal(BUY_BELOW).compareTo(parameters.decimal(SELL_ABOVE)) >= 0) {
            throw new InvalidParameterException(BUY_BELOW, parameters.decimal(BUY_BELOW).toPlainString()
                    + " must be below sell_above " + parameters.decimal(SELL_ABOVE).toPlainString());
        }
        return parameters;
    }

    @Override
    public Strategy create(StrategyParameters parameters) {
        return new Rsi(parameters);
    }
}
