package bot.testing;

import java.math.BigDecimal;

/** One trade of {@link FakeBinanceExchange}: a fill of an order, with its commission. */
public record FakeTrade(
        long id,
        long orderId,
        String symbol,
        BigDecimal price,
        BigDecimal qty,
        BigDecimal quoteQty,
        BigDecimal commission,
        String commissionAsset,
        long time,
        boolean buyer) {
}
