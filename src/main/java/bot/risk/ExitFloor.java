package bot.risk;

import bot.domain.MarketOrderFilters;
import bot.domain.Money;
import bot.domain.SymbolRules;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The smallest order value whose position can still be sold once the price has fallen to its stop:
 * the BUY's quantity (rounded down to the step), less its commission charged in the base asset
 * (rounded down again, as the position is), must pass the symbol's filters (minQty, minNotional) at
 * the stop price. Below it the exit is denied on every candle and the position is stuck.
 */
public final class ExitFloor {
    /** Steps tried past the estimate at most; the estimate is exact but for rounding. */
    private static final int MAX_STEPS = 10_000;
    private static final int SCALE = 18;

    private ExitFloor() {
    }

    /**
     * @param price    the price a BUY is expected at (the symbol's last price)
     * @param feePct   the BUY's commission rate, charged in the base asset
     * @param stopLoss the fall below the entry at which the strategy sells, e.g. 0.03
     */
    public static BigDecimal smallestOrderValue(SymbolRules rules, BigDecimal price, BigDecimal feePct,
                                                BigDecimal stopLoss) {
        BigDecimal stopPrice = price.multiply(BigDecimal.ONE.subtract(stopLoss));
        BigDecimal keep = BigDecimal.ONE.subtract(feePct);
        BigDecimal step = MarketOrderFilters.stepSize(rules);
        BigDecimal least = rules.minQty().max(rules.marketMinQty());
        if (rules.minNotional().signum() > 0) {
            least = least.max(rules.minNotional().divide(stopPrice, SCALE, RoundingMode.CEILING));
        }
        BigDecimal quantity = ceilToStep(least.divide(keep, SCALE, RoundingMode.CEILING), step);
        BigDecimal increment = step.signum() > 0 ? step : quantity.ulp();
        for (int i = 0; i < MAX_STEPS && !sellableAfterTheStop(rules, quantity, price, keep, stopPrice); i++) {
            quantity = quantity.add(increment);
        }
        // a quote amount of quantity x price buys exactly quantity (floor(value / price) to the step)
        return quantity.multiply(price).stripTrailingZeros();
    }

    private static boolean sellableAfterTheStop(SymbolRules rules, BigDecimal quantity, BigDecimal price,
                                                BigDecimal keep, BigDecimal stopPrice) {
        BigDecimal step = MarketOrderFilters.stepSize(rules);
        BigDecimal held = Money.floorToStep(quantity.multiply(keep), step);
        return MarketOrderFilters.violation(rules, quantity, price).isEmpty()
                && MarketOrderFilters.violation(rules, held, stopPrice).isEmpty();
    }

    private static BigDecimal ceilToStep(BigDecimal value, BigDecimal step) {
        if (step.signum() == 0) {
            return value;
        }
        return value.divide(step, 0, RoundingMode.CEILING).multiply(step);
    }
}
