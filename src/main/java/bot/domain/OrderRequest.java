package bot.domain;

import java.math.BigDecimal;

/**
 * An order ready to leave the process: sized and rounded to the exchange filters, with its client
 * order id already journaled. {@code signalPrice} is the close of the signal candle (paper fills
 * there, moved by slippage); {@code candleOpenTime} identifies that candle.
 */
public record OrderRequest(
        String clientOrderId,
        String symbol,
        Side side,
        OrderType type,
        BigDecimal quantity,
        BigDecimal signalPrice,
        long candleOpenTime) {
}
