package bot.backtest;

import bot.domain.Side;
import java.math.BigDecimal;

/**
 * What one side (a backtest or the daemon's journal) did on a signal candle: the order's side,
 * final status, executed quantity, average fill price (null without a fill) and the exchange's
 * reason for a rejection.
 */
public record Decision(long candleOpenTime, Side side, String status, BigDecimal qty, BigDecimal price,
        String reason) {

    /** The same order: side, status, quantity and price equal as numbers. */
    boolean sameAs(Decision other) {
        return side == other.side && status.equals(other.status) && qty.compareTo(other.qty) == 0
                && (price == null ? other.price == null : other.price != null && price.compareTo(other.price) == 0);
    }

    String describe() {
        return side + " " + status + " " + qty.stripTrailingZeros().toPlainString()
                + (price == null ? "" : " @ " + price.stripTrailingZeros().toPlainString());
    }

    public static Decision of(RunOrder order) {
        return new Decision(order.candleOpenTime(), order.side(), order.status().name(), order.executedQty(),
                order.avgPrice(), order.reason());
    }
}
