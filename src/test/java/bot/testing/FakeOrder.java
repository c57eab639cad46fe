package bot.testing;

import java.math.BigDecimal;
import java.util.List;

/** An order {@link FakeBinanceExchange} accepted (rejected requests leave no order, as on Binance). */
public record FakeOrder(
        String apiKey,
        long orderId,
        String clientOrderId,
        String symbol,
        String side,
        BigDecimal origQty,
        BigDecimal executedQty,
        BigDecimal cummulativeQuoteQty,
        String status,
        long time,
        List<FakeTrade> trades) {

    public FakeOrder {
        trades = List.copyOf(trades);
    }

    public boolean executed() {
        return executedQty.signum() > 0;
    }
}
