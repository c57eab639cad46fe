package bot.backtest;

import bot.domain.OrderStatus;
import bot.domain.OrderType;
import bot.domain.Side;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One order of a backtest run, as its journal holds it: {@code seq} numbers the run's orders from 1;
 * {@code fee} is the commission total in {@code feeAsset}, {@code feeQuote} the same valued in the
 * quote asset (null until the order is final); {@code time} the fill's (or the last answer's).
 */
public record RunOrder(
        int seq,
        String clientOrderId,
        String symbol,
        Side side,
        OrderType type,
        OrderStatus status,
        BigDecimal requestedQty,
        BigDecimal executedQty,
        BigDecimal quoteQty,
        BigDecimal avgPrice,
        BigDecimal fee,
        String feeAsset,
        BigDecimal feeQuote,
        BigDecimal signalPrice,
        long candleOpenTime,
        Instant time,
        String reason) {
}
