package bot.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * A position still held, valued at the last stored candle close.
 *
 * @param qty           the sellable base quantity
 * @param entryValue    price x qty of the entry fills, in the quote asset
 * @param entryQuoteFee the entry's commissions charged in the quote asset, or in a third asset
 *                      (BNB) and valued in it (a base-asset commission already shows as a smaller
 *                      {@code qty})
 * @param lastPrice     close of the last stored candle of the symbol, null when none is stored
 * @param unvaluedEntryFees the entry's third-asset commissions no price could be had for, per
 *                      asset: {@link #unrealizedPnl()} leaves them out
 */
public record OpenPosition(
        String symbol,
        BigDecimal qty,
        BigDecimal entryPrice,
        BigDecimal entryValue,
        BigDecimal entryQuoteFee,
        Instant openedAt,
        BigDecimal lastPrice,
        Instant lastPriceTime,
        Map<String, BigDecimal> unvaluedEntryFees) {

    public OpenPosition {
        unvaluedEntryFees = Map.copyOf(unvaluedEntryFees);
    }

    /**
     * qty x lastPrice - entryValue - entryQuoteFee: the net PnL a round trip would book if the
     * position were sold at the last close, before the exit's own commission; null without a price.
     */
    public BigDecimal unrealizedPnl() {
        if (lastPrice == null) {
            return null;
        }
        return qty.multiply(lastPrice).subtract(entryValue).subtract(entryQuoteFee);
    }
}
