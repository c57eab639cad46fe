package bot.report;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * Commissions of the filled orders of one row. {@code quote} holds those charged in the quote
 * asset plus those charged in the base asset valued at their fill price; a commission in a third
 * asset (BNB) has no price in the journal, so it stays in its own asset in {@code otherAssets}.
 */
public record FeeTotals(BigDecimal quote, Map<String, BigDecimal> otherAssets) {
    public static final FeeTotals NONE = new FeeTotals(BigDecimal.ZERO, Map.of());

    public FeeTotals {
        otherAssets = Map.copyOf(otherAssets);
    }

    /**
     * The commissions of orders on {@code symbol} paid in {@code asset}: {@code amount} in the
     * quote asset, {@code amountTimesPrice} (each commission x its fill price) in the base asset,
     * else {@code amount} kept in its own asset.
     */
    public static FeeTotals of(String symbol, String asset, BigDecimal amount, BigDecimal amountTimesPrice) {
        return switch (CommissionAsset.of(symbol, asset)) {
            case QUOTE -> new FeeTotals(amount, Map.of());
            case BASE -> new FeeTotals(amountTimesPrice, Map.of());
            case OTHER -> new FeeTotals(BigDecimal.ZERO, Map.of(asset, amount));
        };
    }

    public FeeTotals plus(FeeTotals o) {
        Map<String, BigDecimal> others = new TreeMap<>(otherAssets);
        o.otherAssets.forEach((asset, amount) -> others.merge(asset, amount, BigDecimal::add));
        return new FeeTotals(quote.add(o.quote), others);
    }

    /** The third-asset commissions, sorted by asset. */
    public Map<String, BigDecimal> sortedOtherAssets() {
        return new TreeMap<>(otherAssets);
    }
}
