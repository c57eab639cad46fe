package bot.app;

import bot.domain.Interval;
import bot.domain.Network;
import bot.engine.CandleListener;
import bot.engine.OrderGateway;
import bot.engine.StrategyIdentity;
import bot.engine.TradeEvents;
import java.util.Optional;

/**
 * What monitoring (metrics, health) may attach to the daemon at wiring, without a line of it in the
 * engine: a decorator around each strategy's order gateway, the order flow's events, and a listener
 * on each market stream. Every hook only records; the default attaches nothing.
 */
public interface DaemonObserver {
    DaemonObserver NONE = new DaemonObserver() { };

    /** The gateway the strategy's orders go through: {@code gateway} itself, or a decorator of it. */
    default OrderGateway gateway(StrategyIdentity strategy, OrderGateway gateway) {
        return gateway;
    }

    default TradeEvents tradeEvents() {
        return TradeEvents.NONE;
    }

    /** A listener subscribed once to each stream the daemon trades on (called from the feed's threads). */
    default Optional<CandleListener> stream(Network network, String symbol, Interval interval) {
        return Optional.empty();
    }
}
