package bot.engine;

import bot.domain.Fill;
import bot.domain.SymbolRules;
import java.math.BigDecimal;
import java.util.List;

/** Sums of fill commissions: in one asset, or all valued in the quote asset. */
final class Commissions {

    private Commissions() {
    }

    static BigDecimal chargedIn(List<Fill> fills, String asset) {
        return fills.stream().filter(f -> asset.equals(f.commissionAsset())).map(Fill::commission)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * Every commission in the quote asset: a base-asset one at its fill's price. A third asset (BNB)
     * has no price here and counts as zero; the journal still holds it in the fills.
     */
    static BigDecimal valuedInQuote(List<Fill> fills, SymbolRules rules) {
        BigDecimal total = BigDecimal.ZERO;
        for (Fill fill : fills) {
            if (rules.quoteAsset().equals(fill.commissionAsset())) {
                total = total.add(fill.commission());
            } else if (rules.baseAsset().equals(fill.commissionAsset())) {
                total = total.add(fill.commission().multiply(fill.price()));
            }
        }
        return total;
    }
}
