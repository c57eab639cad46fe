package bot.engine;

import bot.domain.Fill;
import bot.domain.SymbolRules;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sums of fill commissions. A commission is charged in the base asset (it makes the bought
 * quantity smaller), in the quote asset, or in a third asset (BNB) that the fill values with its
 * {@link Fill#commissionPrice()} when it has one.
 */
final class Commissions {

    private Commissions() {
    }

    static BigDecimal chargedIn(List<Fill> fills, String asset) {
        return fills.stream().filter(f -> asset.equals(f.commissionAsset())).map(Fill::commission)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Every commission in the quote asset (a base-asset one at its fill's price), and those without a price. */
    static FeeValuation valuation(List<Fill> fills, SymbolRules rules) {
        BigDecimal total = BigDecimal.ZERO;
        Map<String, BigDecimal> unvalued = new TreeMap<>();
        for (Fill fill : fills) {
            if (rules.baseAsset().equals(fill.commissionAsset())) {
                total = total.add(fill.commission().multiply(fill.price()));
            } else if (isThirdAsset(fill, rules) && fill.commissionPrice() == null) {
                if (fill.commission().signum() != 0) {
                    unvalued.merge(fill.commissionAsset(), fill.commission(), BigDecimal::add);
                }
            } else {
                total = total.add(outsideQuantity(fill, rules));
            }
        }
        return new FeeValuation(total, unvalued);
    }

    /**
     * The commissions, valued in the quote asset, that a net PnL must subtract: those charged in
     * the quote asset and those in a third asset with a price. A base-asset commission is not
     * among them: it already shows as less quantity to sell.
     */
    static BigDecimal outsideQuantity(List<Fill> fills, SymbolRules rules) {
        return fills.stream().map(f -> outsideQuantity(f, rules)).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal outsideQuantity(Fill fill, SymbolRules rules) {
        if (rules.quoteAsset().equals(fill.commissionAsset())) {
            return fill.commission();
        }
        if (isThirdAsset(fill, rules) && fill.commissionPrice() != null) {
            return fill.commission().multiply(fill.commissionPrice());
        }
        return BigDecimal.ZERO;
    }

    private static boolean isThirdAsset(Fill fill, SymbolRules rules) {
        return !rules.baseAsset().equals(fill.commissionAsset()) && !rules.quoteAsset().equals(fill.commissionAsset());
    }
}
