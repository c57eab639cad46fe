package bot.engine;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * Commissions valued in the quote asset: {@code inQuote} holds those charged in the quote asset,
 * those in the base asset at their fill's price and those in a third asset (BNB) at its price;
 * {@code unvalued} the third-asset ones no price could be had for, per asset, which no profit
 * figure can include.
 */
public record FeeValuation(BigDecimal inQuote, Map<String, BigDecimal> unvalued) {
    public static final FeeValuation NONE = new FeeValuation(BigDecimal.ZERO, Map.of());

    public FeeValuation {
        unvalued = Map.copyOf(unvalued);
    }

    public boolean complete() {
        return unvalued.isEmpty();
    }

    /** The amounts of {@code unvalued} times {@code factor} (a share of a position), zeros left out. */
    static Map<String, BigDecimal> scaled(Map<String, BigDecimal> unvalued, BigDecimal factor) {
        Map<String, BigDecimal> scaled = new TreeMap<>();
        unvalued.forEach((asset, amount) -> {
            BigDecimal part = amount.multiply(factor);
            if (part.signum() != 0) {
                scaled.put(asset, part);
            }
        });
        return scaled;
    }

    /** Both maps of unvalued commissions added up, per asset. */
    static Map<String, BigDecimal> plus(Map<String, BigDecimal> a, Map<String, BigDecimal> b) {
        Map<String, BigDecimal> sum = new TreeMap<>(a);
        b.forEach((asset, amount) -> sum.merge(asset, amount, BigDecimal::add));
        return sum;
    }
}
