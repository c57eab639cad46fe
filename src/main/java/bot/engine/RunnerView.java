package bot.engine;

import bot.domain.Position;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * What a runner is doing, as last seen by its own thread: a read model for status and monitoring,
 * published as one immutable value so readers on other threads never see half an update.
 *
 * @param state      the runner's state
 * @param reason     why it is HALTED or FAILED; null otherwise
 * @param warmedUp   true once the warm-up history was handed to the strategy
 * @param lastCandle the last closed candle handled live; null before the first
 * @param position   the strategy's position after that candle (or after reconciliation)
 */
public record RunnerView(StrategyRunner.State state, String reason, boolean warmedUp, HandledCandle lastCandle,
                         Position position) {

    /**
     * A closed candle the runner handled: when it closed, its close price, and when it reached the
     * process (the feed handed it over), in epoch ms.
     */
    public record HandledCandle(long openTime, long closeTime, BigDecimal close, long arrivedAt) {

        /** How late it reached the process: arrival minus close time, in ms (never below 0). */
        public long lagMillis() {
            return Math.max(0, arrivedAt - closeTime);
        }

        public Instant arrival() {
            return Instant.ofEpochMilli(arrivedAt);
        }
    }

    /**
     * The open position's unrealized PnL at the last close, in the quote asset, before exit fees:
     * (close - entry price) x quantity. Null when flat, or before any live candle.
     */
    public BigDecimal unrealizedPnl() {
        if (position == null || position.isFlat() || position.entryPrice() == null || lastCandle == null) {
            return null;
        }
        return lastCandle.close().subtract(position.entryPrice()).multiply(position.quantity());
    }
}
