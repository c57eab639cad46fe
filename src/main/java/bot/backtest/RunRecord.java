package bot.backtest;

import bot.engine.RoundTrip;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a backtest run left: its orders, its round trips (order ids are the orders' {@code seq}) in
 * close order, the position still held after the last candle (null when flat) and that candle's
 * close, which values it; when a risk limit would have tripped ({@code trips}, one line each); and
 * how many orders the pre-trade checks refused, per reason ({@code refused}: an exchange filter such
 * as MIN_NOTIONAL, or a risk limit), which no order row records.
 */
public record RunRecord(List<RunOrder> orders, List<RoundTrip> roundTrips, OpenHolding open, BigDecimal lastClose,
        long lastCloseTime, List<String> trips, Map<String, Long> refused) {

    public RunRecord {
        orders = List.copyOf(orders);
        roundTrips = List.copyOf(roundTrips);
        trips = List.copyOf(trips);
        refused = Collections.unmodifiableMap(new TreeMap<>(refused));
    }

    /** A run no risk limit tripped in and no check refused (or one read back from storage, which keeps neither). */
    public RunRecord(List<RunOrder> orders, List<RoundTrip> roundTrips, OpenHolding open, BigDecimal lastClose,
            long lastCloseTime) {
        this(orders, roundTrips, open, lastClose, lastCloseTime, List.of(), Map.of());
    }

    /** The same run with the risk limits' trips, as one line each, and the refusals counted per reason. */
    public RunRecord withChecks(List<String> tripLines, Map<String, Long> refusals) {
        return new RunRecord(orders, roundTrips, open, lastClose, lastCloseTime, tripLines, refusals);
    }

    /**
     * A position held at the end: its sellable quantity, entry price, the entry's value (price x qty
     * of its fills) and the entry commission its net PnL will subtract (in the quote asset).
     */
    public record OpenHolding(BigDecimal qty, BigDecimal entryPrice, BigDecimal entryValue, BigDecimal entryQuoteFee,
            Instant openedAt) {
    }
}
