package bot.risk;

import bot.domain.MarketOrderFilters;
import bot.domain.Money;
import bot.domain.Position;
import bot.domain.SymbolRules;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Sizes a MARKET order and checks it against the symbol's exchange filters before it is sent.
 * Prices are the signal candle's close; quantities are rounded down to the step size.
 */
public final class PreTradeCheck {
    /** Digits kept when dividing the quote amount by the close, before rounding down to the step. */
    private static final int DIVISION_SCALE = 18;

    private PreTradeCheck() {
    }

    /** A BUY of {@code quoteAmount / close} rounded down to the step; only when flat. */
    public static RiskDecision buy(SymbolRules rules, Position position, BigDecimal quoteAmount, BigDecimal close) {
        if (!position.isFlat()) {
            return new RiskDecision.Denied("already holding " + position.quantity().toPlainString()
                    + " " + rules.symbol() + ": at most one position");
        }
        if (quoteAmount.signum() <= 0 || close.signum() <= 0) {
            return new RiskDecision.Denied("quote amount and close must be positive");
        }
        BigDecimal raw = quoteAmount.divide(close, DIVISION_SCALE, RoundingMode.FLOOR);
        return check(rules, Money.floorToStep(raw, MarketOrderFilters.stepSize(rules)), close);
    }

    /** A SELL of the whole sellable position, rounded down to the step. */
    public static RiskDecision sell(SymbolRules rules, Position position, BigDecimal close) {
        if (position.isFlat()) {
            return new RiskDecision.Denied("no position to sell");
        }
        return check(rules, Money.floorToStep(position.quantity(), MarketOrderFilters.stepSize(rules)), close);
    }

    private static RiskDecision check(SymbolRules rules, BigDecimal quantity, BigDecimal close) {
        return MarketOrderFilters.violation(rules, quantity, close)
                .<RiskDecision>map(v -> new RiskDecision.Denied(v.filter() + ": " + v.detail()))
                .orElseGet(() -> new RiskDecision.Approved(quantity));
    }
}
