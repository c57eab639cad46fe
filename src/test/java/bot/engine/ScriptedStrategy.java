package bot.engine;

import bot.domain.Candle;
import bot.strategy.Strategy;
import bot.strategy.StrategyContext;
import java.math.BigDecimal;
import java.util.Map;

/** Does what it is told per candle (by open time): BUY, SELL, BUY_TWICE or THROW, whatever the context says. */
final class ScriptedStrategy implements Strategy {
    private final Map<Long, String> actions;
    int candlesSeen;

    ScriptedStrategy(Map<Long, String> actions) {
        this.actions = actions;
    }

    @Override
    public int warmupCandles() {
        return 3;
    }

    @Override
    public void onCandle(Candle closed, StrategyContext context) {
        candlesSeen++;
        switch (actions.getOrDefault(closed.openTime(), "")) {
            case "BUY" -> context.buy(new BigDecimal("100"));
            case "BUY_TWICE" -> {
                context.buy(new BigDecimal("100"));
                context.buy(new BigDecimal("100"));
            }
            case "SELL" -> context.sellAll();
            case "THROW" -> throw new IllegalStateException("strategy bug");
            default -> { }
        }
    }
}
