package bot.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One execution of an order: a trade at one price.
 *
 * @param commissionPrice for a commission charged in a third asset (BNB, neither the symbol's base
 *                        nor its quote asset): that asset's price in the quote asset at the fill
 *                        time, so the commission can be valued; null when no price could be had, and
 *                        unused for a commission in the base asset (valued at the fill's own price)
 *                        or in the quote asset
 */
public record Fill(
        String tradeId,
        BigDecimal price,
        BigDecimal qty,
        BigDecimal commission,
        String commissionAsset,
        Instant time,
        BigDecimal commissionPrice) {

    /** A fill whose commission needs no price of another asset (or has none). */
    public Fill(String tradeId, BigDecimal price, BigDecimal qty, BigDecimal commission, String commissionAsset,
            Instant time) {
        this(tradeId, price, qty, commission, commissionAsset, time, null);
    }

    /** The same fill with its commission asset priced in the quote asset. */
    public Fill withCommissionPrice(BigDecimal price) {
        return new Fill(tradeId, this.price, qty, commission, commissionAsset, time, price);
    }
}
