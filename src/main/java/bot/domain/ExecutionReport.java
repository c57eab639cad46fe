package bot.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What a gateway learned about an order. {@code status} UNKNOWN means the outcome could not be
 * learned (timeout, 5xx, broken connection) and the order must be looked up before anything else.
 * {@code reason} carries the exchange's message for a rejection.
 */
public record ExecutionReport(
        String clientOrderId,
        OrderStatus status,
        String exchangeOrderId,
        BigDecimal executedQty,
        BigDecimal quoteQty,
        List<Fill> fills,
        String reason,
        Instant time) {

    public ExecutionReport {
        fills = List.copyOf(fills);
    }

    /** Volume-weighted average fill price, or null when nothing was executed. */
    public BigDecimal averagePrice() {
        return executedQty.signum() == 0 ? null
                : quoteQty.divide(executedQty, Money.PRICE_CONTEXT).stripTrailingZeros();
    }
}
