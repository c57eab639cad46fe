package bot.engine;

import bot.domain.OrderStatus;
import bot.domain.OrderType;
import bot.domain.Side;
import java.math.BigDecimal;

/** An order row as the journal holds it, enough to look it up or send it again. */
public record JournaledOrder(
        long id,
        String clientOrderId,
        String symbol,
        Side side,
        OrderType type,
        BigDecimal requestedQty,
        BigDecimal signalPrice,
        long candleOpenTime,
        int attempt,
        OrderStatus status) {
}
