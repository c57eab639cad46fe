package bot.bench;

import bot.domain.Candle;
import bot.strategy.ParameterSpec;
import bot.strategy.Strategy;
import bot.strategy.StrategyContext;
import bot.strategy.StrategyKind;
import bot.strategy.StrategyParameters;
import bot.strategy.kinds.MeanReversionKind;
import java.util.List;

/**
 * mean_reversion with a stop-watch, for the latency benchmark only: the kind {@value #NAME} runs
 * the real strategy and notes when each live candle reached it (System.nanoTime). Registered at
 * run time through a class loader (see {@link LatencyBench}), never in the bot's own services file.
 */
public final class TimedKind implements StrategyKind {
    static final String NAME = "timed_mean_reversion";
    private static volatile long lastCalled;

    private final StrategyKind real = new MeanReversionKind();

    /** When the strategy was last called with a live candle. */
    static long lastCalled() {
        return lastCalled;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return real.parameters();
    }

    @Override
    public Strategy create(StrategyParameters parameters) {
        Strategy strategy = real.create(parameters);
        return new Strategy() {
            @Override
            public int warmupCandles() {
                return strategy.warmupCandles();
            }

            @Override
            public void onCandle(Candle closed, StrategyContext context) {
                if (!context.warmingUp()) {
                    lastCalled = System.nanoTime();
                }
                strategy.onCandle(closed, context);
            }
        };
    }
}
