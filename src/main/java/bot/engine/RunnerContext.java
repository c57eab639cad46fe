package bot.engine;

import bot.domain.Position;
import bot.domain.Side;
import bot.strategy.StrategyContext;
import bot.strategy.StrategyParameters;
import java.math.BigDecimal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The context a runner hands its strategy. It keeps at most one order intent per closed live
 * candle and drops any order placed on a warm-up candle or a tick.
 */
final class RunnerContext implements StrategyContext {
    private static final Logger log = LoggerFactory.getLogger(RunnerContext.class);

    enum Phase { WARMUP, LIVE, TICK }

    private final StrategyParameters parameters;
    private Holding holding;
    private Phase phase = Phase.WARMUP;
    private OrderIntent intent;

    RunnerContext(StrategyParameters parameters, Holding holding) {
        this.parameters = parameters;
        this.holding = holding;
    }

    void begin(Phase phase) {
        this.phase = phase;
        this.intent = null;
    }

    /** The order asked for since {@link #begin}, or null. */
    OrderIntent takeIntent() {
        OrderIntent taken = intent;
        intent = null;
        return taken;
    }

    Holding holding() {
        return holding;
    }

    void holding(Holding holding) {
        this.holding = holding;
    }

    @Override
    public StrategyParameters parameters() {
        return parameters;
    }

    @Override
    public Position position() {
        return holding.position();
    }

    @Override
    public boolean warmingUp() {
        return phase == Phase.WARMUP;
    }

    @Override
    public void buy(BigDecimal quoteAmount) {
        place(new OrderIntent(Side.BUY, quoteAmount));
    }

    @Override
    public void sellAll() {
        place(new OrderIntent(Side.SELL, null));
    }

    private void place(OrderIntent wanted) {
        if (phase == Phase.WARMUP) {
            log.debug("{} on a warm-up candle dropped: no trading on warm-up candles", wanted.side());
        } else if (phase == Phase.TICK) {
            log.warn("{} on a tick dropped: orders are placed on closed candles only", wanted.side());
        } else if (intent != null) {
            log.warn("second order ({}) on one candle dropped: at most one order per candle", wanted.side());
        } else {
            intent = wanted;
        }
    }
}
