package bot.backtest;

import bot.engine.RoundTrip;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What a backtest run left: its orders, its round trips (order ids are the orders' {@code seq}) in
 * close order, the position still held after the last candle (null when flat) and that candle's
 * close, which values it; and when a risk limit would have tripped ({@code trips}, one line each).
 */
public record RunRecord(List<RunOrder> orders, List<RoundTrip> roundTrips, OpenHolding open, BigDecimal lastClose,
        long lastCloseTime, List<String> trips) {

    public RunRecord {
        orders = List.copyOf(orders);
        roundTrips = List.copyOf(roundTrips);
        trips = List.copyOf(trips);
    }

    /** A run no risk limit tripped in (or one read back from storage, which keeps no trips). */
    public RunRecord(List<RunOrder> orders, List<RoundTrip> roundTrips, OpenHolding open, BigDecimal lastClose,
            long lastCloseTime) {
        this(orders, roundTrips, open, lastClose, lastCloseTime, List.of());
    }

    /** The same run with the risk limits' trips, as one line each. */
    public RunRecord withTrips(List<String> tripLines) {
        return new RunRecord(orders, roundTrips, open, lastClose, lastCloseTime, tripLines);
    }

    /**
     * A position held at the end: its sellable quantity, entry price, the entry's value (price x qty
     * of its fills) and the entry commission its net PnL will subtract (in the quote asset).
     */
    public record OpenHolding(BigDecimal qty, BigDecimal entryPrice, BigDecimal entryValue, BigDecimal entryQuoteFee,
            Instant openedAt) {
    }
}
