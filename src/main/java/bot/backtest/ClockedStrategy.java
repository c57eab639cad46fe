package bot.backtest;

import bot.domain.Candle;
import bot.strategy.Strategy;
import bot.strategy.StrategyContext;

/**
 * A strategy whose candles move the backtest's clock to the moment each one closed before the
 * strategy sees it: how a clock follows stored candles without the runner or the strategy knowing.
 */
public final class ClockedStrategy implements Strategy {
    private final Strategy strategy;
    private final CandleClock clock;

    public ClockedStrategy(Strategy strategy, CandleClock clock) {
        this.strategy = strategy;
        this.clock = clock;
    }

    @Override
    public int warmupCandles() {
        return strategy.warmupCandles();
    }

    @Override
    public void onCandle(Candle closed, StrategyContext context) {
        clock.set(closed.closeTime() + 1);
        strategy.onCandle(closed, context);
    }

    @Override
    public void onTick(Candle forming, StrategyContext context) {
        strategy.onTick(forming, context);
    }
}
