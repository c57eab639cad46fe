package bot.domain;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The exchangeInfo filters a MARKET order must pass, as Binance applies them. Shared by the
 * pre-trade check (which refuses to send) and the paper simulator (which rejects like the exchange).
 * A zero value switches a rule off. The notional uses the given price (the signal candle's close),
 * and minNotional is always applied: interface.md sends no order below it, whatever applyToMarket says.
 */
public final class MarketOrderFilters {

    private MarketOrderFilters() {
    }

    /** The step a MARKET quantity is rounded to: MARKET_LOT_SIZE's when set, else LOT_SIZE's. */
    public static BigDecimal stepSize(SymbolRules rules) {
        return isSet(rules.marketStepSize()) ? rules.marketStepSize() : rules.stepSize();
    }

    /** The first filter {@code quantity} at {@code price} breaks, or empty when the order passes. */
    public static Optional<FilterViolation> violation(SymbolRules rules, BigDecimal quantity, BigDecimal price) {
        if (!rules.isTrading()) {
            return fail("STATUS", "symbol " + rules.symbol() + " is not trading (status " + rules.status() + ")");
        }
        if (quantity.signum() <= 0) {
            return fail("LOT_SIZE", "quantity " + plain(quantity) + " is not positive");
        }
        Optional<FilterViolation> lot = lotRule("LOT_SIZE", quantity, rules.minQty(), rules.maxQty(), rules.stepSize());
        if (lot.isPresent()) {
            return lot;
        }
        Optional<FilterViolation> market = lotRule("MARKET_LOT_SIZE", quantity, rules.marketMinQty(),
                rules.marketMaxQty(), rules.marketStepSize());
        if (market.isPresent()) {
            return market;
        }
        BigDecimal notional = price.multiply(quantity);
        if (isSet(rules.minNotional()) && notional.compareTo(rules.minNotional()) < 0) {
            return fail("NOTIONAL", "notional " + plain(notional) + " is below minNotional " + plain(rules.minNotional()));
        }
        if (rules.applyMaxNotionalToMarket() && isSet(rules.maxNotional())
                && notional.compareTo(rules.maxNotional()) > 0) {
            return fail("NOTIONAL", "notional " + plain(notional) + " is above maxNotional " + plain(rules.maxNotional()));
        }
        return Optional.empty();
    }

    private static Optional<FilterViolation> lotRule(String filter, BigDecimal quantity, BigDecimal min,
                                                     BigDecimal max, BigDecimal step) {
        if (isSet(min) && quantity.compareTo(min) < 0) {
            return fail(filter, "quantity " + plain(quantity) + " is below minQty " + plain(min));
        }
        if (isSet(max) && quantity.compareTo(max) > 0) {
            return fail(filter, "quantity " + plain(quantity) + " is above maxQty " + plain(max));
        }
        if (isSet(step) && quantity.remainder(step).signum() != 0) {
            return fail(filter, "quantity " + plain(quantity) + " is not a multiple of stepSize " + plain(step));
        }
        return Optional.empty();
    }

    private static boolean isSet(BigDecimal value) {
        return value != null && value.signum() != 0;
    }

    private static Optional<FilterViolation> fail(String filter, String detail) {
        return Optional.of(new FilterViolation(filter, detail));
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /** A broken filter: its Binance name (LOT_SIZE, NOTIONAL...) and what is wrong, for a person. */
    public record FilterViolation(String filter, String detail) {
        /** The message the exchange gives for it (-1013). */
        public String exchangeMessage() {
            return "Filter failure: " + filter;
        }
    }
}
