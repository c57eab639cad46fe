package bot.domain;

import java.math.BigDecimal;

/**
 * A strategy's holding in one symbol. {@code quantity} is what can actually be sold (bought
 * quantity less any commission charged in the base asset, rounded down to the step size);
 * {@code entryPrice} is the average fill price of the entry. Flat when the quantity is zero.
 */
public record Position(String symbol, BigDecimal quantity, BigDecimal entryPrice) {

    public static Position flat(String symbol) {
        return new Position(symbol, BigDecimal.ZERO, null);
    }

    public boolean isFlat() {
        return quantity.signum() == 0;
    }
}
