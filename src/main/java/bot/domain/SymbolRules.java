package bot.domain;

import java.math.BigDecimal;

/**
 * A symbol's trading status and the exchangeInfo filters that decide whether an order is accepted.
 * A zero value switches a rule off, as on Binance. {@code marketStepSize}, {@code marketMinQty},
 * {@code marketMaxQty} come from MARKET_LOT_SIZE (zero when absent or off). {@code minNotional}
 * comes from NOTIONAL or the older MIN_NOTIONAL; {@code applyMinNotionalToMarket} from
 * applyMinToMarket/applyToMarket.
 */
public record SymbolRules(
        String symbol,
        String status,
        String baseAsset,
        String quoteAsset,
        BigDecimal minPrice,
        BigDecimal maxPrice,
        BigDecimal tickSize,
        BigDecimal minQty,
        BigDecimal maxQty,
        BigDecimal stepSize,
        BigDecimal marketMinQty,
        BigDecimal marketMaxQty,
        BigDecimal marketStepSize,
        BigDecimal minNotional,
        boolean applyMinNotionalToMarket,
        BigDecimal maxNotional,
        boolean applyMaxNotionalToMarket) {

    public boolean isTrading() {
        return "TRADING".equals(status);
    }
}
