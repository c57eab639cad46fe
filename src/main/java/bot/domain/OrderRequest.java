package bot.domain;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * An order ready to leave the process: sized and rounded to the exchange filters, with its client
 * order id already journaled. {@code signalPrice} is the close of the signal candle (paper fills
 * there, moved by slippage); {@code candleOpenTime} identifies that candle. {@code maxWait}, when set
 * (entries), is how long the order may still wait before it leaves, counted from its submission: a
 * gateway held back longer (a rate-limit budget) does not send it, as its signal has gone stale
 * meanwhile. A span rather than a moment, so that it holds whichever clock the gateway keeps.
 */
public record OrderRequest(
        String clientOrderId,
        String symbol,
        Side side,
        OrderType type,
        BigDecimal quantity,
        BigDecimal signalPrice,
        long candleOpenTime,
        Duration maxWait) {

    /** An order that may leave whenever it can (an exit, or any order of a gateway that never waits). */
    public OrderRequest(String clientOrderId, String symbol, Side side, OrderType type, BigDecimal quantity,
                        BigDecimal signalPrice, long candleOpenTime) {
        this(clientOrderId, symbol, side, type, quantity, signalPrice, candleOpenTime, null);
    }
}
