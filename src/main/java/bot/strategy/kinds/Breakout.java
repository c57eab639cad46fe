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
 * breakout: with {@code lookback} earlier candles, BUY when flat, in the price band and the close is
 * above their highest high; when long, the common exits or SELL below their lowest low.
 */
public final class Breakout implements Strategy {
    private final int lookback;
    private final BigDecimal orderValue;
    private final PriceBand band;
    private final Exits exits;
    /** The previous {@code lookback} candles, oldest first (the current one is added after deciding). */
    private final ArrayDeque<Candle> previous = new ArrayDeque<>();

    public Breakout(StrategyParameters p) {
        this.lookback = p.integer(BreakoutKind.LOOKBACK);
        this.orderValue = p.decimal(CommonParameters.ORDER_VALUE);
        this.band = PriceBand.of(p);
        this.exits = Exits.of(p);
    }

    @Override
    public int warmupCandles() {
        return lookback;
    }

    @Override
    public void onCandle(Candle closed, StrategyContext context) {
        if (!context.warmingUp()) { // history only: never trade on warm-up candles
            decide(closed.close(), context);
        }
        previous.addLast(closed);
        if (previous.size() > lookback) {
            previous.removeFirst();
        }
    }

    private void decide(BigDecimal close, StrategyContext context) {
        boolean channel = previous.size() == lookback;
        Position position = context.position();
        if (position.isFlat()) {
            if (channel && band.contains(close) && close.compareTo(highestHigh()) > 0) {
                context.buy(orderValue);
            }
        } else if (exits.any(close, position.entryPrice()) || (channel && close.compareTo(lowestLow()) < 0)) {
            context.sellAll();
        }
    }

    private BigDecimal highestHigh() {
        return previous.stream().map(Candle::high).reduce(BigDecimal::max).orElseThrow();
    }

    private BigDecimal lowestLow() {
        return previous.stream().map(Candle::low).reduce(BigDecimal::min).orElseThrow();
    }
}
