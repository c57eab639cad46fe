package bot.backtest;

import bot.engine.RoundTrip;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What a backtest run left: its orders, its round trips (order ids are the orders' {@code seq}) in
 * close order, the position still held after the last candle (null when flat) and that candle's
 * close, which values it.
 */
public record RunRecord(List<RunOrder> orders, List<RoundTrip> roundTrips, OpenHolding open, BigDecimal lastClose,
        long lastCloseTime) {

    public RunRecord {
        orders = List.copyOf(orders);
        roundTrips = List.copyOf(roundTrips);
    }

    /**
     * A position held at the end: its sellable quantity, entry price, the entry's value (price x qty
     * of its fills) and the entry commission its net PnL will subtract (in the quote asset).
     */
    public record OpenHolding(BigDecimal qty, BigDecimal entryPrice, BigDecimal entryValue, BigDecimal entryQuoteFee,
            Instant openedAt) {
    }
}
