package bot.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** The few rules for exact decimal arithmetic shared by the whole domain. */
public final class Money {
    /** Enough digits for any Binance price or quantity (8 decimals, up to 10^12). */
    public static final MathContext PRICE_CONTEXT = new MathContext(34, RoundingMode.HALF_EVEN);

    private Money() {
    }

    /** Rounds {@code value} down to a multiple of {@code step}; a zero step means no rounding. */
    public static BigDecimal floorToStep(BigDecimal value, BigDecimal step) {
        if (step == null || step.signum() == 0) {
            return value;
        }
        BigDecimal steps = value.divide(step, 0, RoundingMode.FLOOR);
        return steps.multiply(step).stripTrailingZeros();
    }
}
