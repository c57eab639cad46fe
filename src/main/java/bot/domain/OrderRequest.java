package bot.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An order ready to leave the process: sized and rounded to the exchange filters, with its client
 * order id already journaled. {@code signalPrice} is the close of the signal candle (paper fills
 * there, moved by slippage); {@code candleOpenTime} identifies that candle. {@code sendBy}, when set
 * (entries), is the last moment the order may leave: a gateway that has to wait (a rate-limit budget)
 * past it does not send it, as its signal has gone stale meanwhile.
 */
public record OrderRequest(
        String clientOrderId,
        String symbol,
        Side side,
        OrderType type,
        BigDecimal quantity,
        BigDecimal signalPrice,
        long candleOpenTime,
        Instant sendBy) {

    /** An order that may leave whenever it can (an exit, or any order of a gateway that never waits). */
    public OrderRequest(String clientOrderId, String symbol, Side side, OrderType type, BigDecimal quantity,
                        BigDecimal signalPrice, long candleOpenTime) {
        this(clientOrderId, symbol, side, type, quantity, signalPrice, candleOpenTime, null);
    }
}
