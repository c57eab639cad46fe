package bot.engine;

import bot.domain.Side;

/**
 * What the order flow tells an observer (metrics) about decisions no journal row records. Called on
 * the runner's thread: an implementation only counts, it never blocks.
 */
public interface TradeEvents {
    TradeEvents NONE = (strategy, side, reason) -> { };

    /**
     * A pre-trade check denied an order. {@code reason} is the denial's text; a reason of the form
     * {@code CODE: detail} (an exchange filter, a risk limit) is counted under CODE.
     */
    void denied(StrategyIdentity strategy, Side side, String reason);
}
