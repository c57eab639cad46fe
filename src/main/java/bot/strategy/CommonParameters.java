package bot.strategy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The parameters every kind takes (interface.md), with their defaults and ranges. */
public final class CommonParameters {
    public static final String ORDER_VALUE = "order_value";
    public static final String MIN_PRICE = "min_price";
    public static final String MAX_PRICE = "max_price";
    public static final String MIN_PROFIT = "min_profit";
    public static final String FEE_PCT = "fee_pct";
    public static final String STOP_LOSS = "stop_loss";
    public static final String SLIPPAGE = "slippage";

    /** The longest history a kind may ask for: warm-up stays a few REST pages, not millions of candles. */
    public static final BigDecimal MAX_HISTORY = BigDecimal.valueOf(5000);

    private static final BigDecimal ONE = BigDecimal.ONE;
    private static final BigDecimal ZERO = BigDecimal.ZERO;

    private CommonParameters() {
    }

    public static List<ParameterSpec> specs() {
        return List.of(
                ParameterSpec.required(ORDER_VALUE, ParameterType.DECIMAL, ZERO, true,
                        "quote amount to spend per entry"),
                ParameterSpec.withDefault(MIN_PRICE, ParameterType.DECIMAL, "0", ZERO, false, null,
                        "no entry when the close is below this"),
                ParameterSpec.optional(MAX_PRICE, ParameterType.DECIMAL, ZERO, true, null,
                        "no entry when the close is above this (unbounded when absent)"),
                ParameterSpec.withDefault(MIN_PROFIT, ParameterType.DECIMAL, "0.002", ZERO, false, ONE,
                        "take profit once the gain net of fees reaches this fraction"),
                ParameterSpec.withDefault(FEE_PCT, ParameterType.DECIMAL, "0.001", ZERO, false, ONE,
                        "fee rate per fill"),
                ParameterSpec.optional(STOP_LOSS, ParameterType.DECIMAL, ZERO, true, ONE,
                        "exit when the close falls this fraction below the entry price"),
                ParameterSpec.withDefault(SLIPPAGE, ParameterType.DECIMAL, "0", ZERO, false, ONE,
                        "paper only: fill price moves this fraction against the order"));
    }

    /** The common specs followed by a kind's own; a kind's spec replaces a common one of the same name. */
    public static List<ParameterSpec> with(List<ParameterSpec> own) {
        List<ParameterSpec> all = new ArrayList<>();
        for (ParameterSpec common : specs()) {
            all.add(own.stream().filter(s -> s.name().equals(common.name())).findFirst().orElse(common));
        }
        own.stream().filter(s -> all.stream().noneMatch(a -> a.name().equals(s.name()))).forEach(all::add);
        return List.copyOf(all);
    }
}
