package bot.strategy.kinds;

import bot.domain.Candle;
import bot.domain.Position;
import bot.strategy.CommonParameters;
import bot.strategy.Strategy;
import bot.strategy.StrategyContext;
import bot.strategy.StrategyParameters;
import java.math.BigDecimal;

/**
 * rsi: BUY when flat, in the price band and RSI &lt; buy_below; when long, SELL when RSI &gt; sell_above,
 * close &gt;= entry x (1 + take_profit), or the stop exit (stop_loss defaults to 0.03 here).
 * interface.md names these three exits for rsi: its take_profit stands in for the min_profit exit.
 */
public final class Rsi implements Strategy {
    /** Wilder's average depends on every earlier close: 10 periods make it agree with a long run. */
    static final int WARMUP_PERIODS = 10;

    private final int period;
    private final double buyBelow;
    private final double sellAbove;
    private final BigDecimal orderValue;
    private final PriceBand band;
    private final Exits exits;
    private final WilderRsi rsi;

    public Rsi(StrategyParameters p) {
        this.period = p.integer(RsiKind.PERIOD);
        this.buyBelow = p.decimal(RsiKind.BUY_BELOW).doubleValue();
        this.sellAbove = p.decimal(RsiKind.SELL_ABOVE).doubleValue();
        this.orderValue = p.decimal(CommonParameters.ORDER_VALUE);
        this.band = PriceBand.of(p);
        this.exits = Exits.withProfitFactor(p, p.decimal(RsiKind.TAKE_PROFIT));
        this.rsi = new WilderRsi(period);
    }

    @Override
    public int warmupCandles() {
        return period * WARMUP_PERIODS + 1;
    }

    @Override
    public void onCandle(Candle closed, StrategyContext context) {
        BigDecimal close = closed.close();
        rsi.add(close);
        if (context.warmingUp()) {
            return; // history only: never trade on warm-up candles
        }
        Position position = context.position();
        if (position.isFlat()) {
            if (rsi.ready() && band.contains(close) && rsi.value() < buyBelow) {
                context.buy(orderValue);
            }
        } else if ((rsi.ready() && rsi.value() > sellAbove) || exits.any(close, position.entryPrice())) {
            context.sellAll();
        }
    }
}
