package bot.strategy.kinds;

import bot.domain.Candle;
import bot.domain.Position;
import bot.strategy.CommonParameters;
import bot.strategy.Strategy;
import bot.strategy.StrategyContext;
import bot.strategy.StrategyParameters;
import java.math.BigDecimal;
import java.util.ArrayDeque;

/**
 * mean_reversion: BUY when flat, in the price band and close x window &lt; sum x (1 - threshold),
 * sum being the last {@code window} closes including the current one; exits when long.
 */
public final class MeanReversion implements Strategy {
    private final int window;
    private final BigDecimal windowSize;
    private final BigDecimal belowFactor;
    private final BigDecimal orderValue;
    private final PriceBand band;
    private final Exits exits;
    private final ArrayDeque<BigDecimal> closes = new ArrayDeque<>();
    /** Exact running sum of {@link #closes}. */
    private BigDecimal sum = BigDecimal.ZERO;

    public MeanReversion(StrategyParameters p) {
        this.window = p.integer(MeanReversionKind.WINDOW);
        this.windowSize = BigDecimal.valueOf(window);
        this.belowFactor = BigDecimal.ONE.subtract(p.decimal(MeanReversionKind.THRESHOLD));
        this.orderValue = p.decimal(CommonParameters.ORDER_VALUE);
        this.band = PriceBand.of(p);
        this.exits = Exits.of(p);
    }

    @Override
    public int warmupCandles() {
        return window;
    }

    @Override
    public void onCandle(Candle closed, StrategyContext context) {
        BigDecimal close = closed.close();
        closes.addLast(close);
        sum = sum.add(close);
        if (closes.size() > window) {
            sum = sum.subtract(closes.removeFirst());
        }
        if (context.warmingUp()) {
            return; // history only: never trade on warm-up candles
        }
        Position position = context.position();
        if (position.isFlat()) {
            if (closes.size() == window && band.contains(close)
                    && close.multiply(windowSize).compareTo(sum.multiply(belowFactor)) < 0) {
                context.buy(orderValue);
            }
        } else if (exits.any(close, position.entryPrice())) {
            context.sellAll();
        }
    }
}
