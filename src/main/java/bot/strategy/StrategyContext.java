package bot.strategy;

import bot.domain.Position;
import java.math.BigDecimal;

/** What a strategy may see and do while it handles a candle. */
public interface StrategyContext {

    StrategyParameters parameters();

    /** The current holding; {@link Position#isFlat()} when there is none. */
    Position position();

    /** True while history is being replayed before the strategy goes live; orders are then ignored. */
    boolean warmingUp();

    /** Spend {@code quoteAmount} of the quote asset at market; the engine sizes and checks the order. */
    void buy(BigDecimal quoteAmount);

    /** Sell the whole position at market. */
    void sellAll();
}
