package bot.bench;

import bot.domain.Position;
import bot.strategy.StrategyContext;
import bot.strategy.StrategyParameters;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The least a strategy needs to run without its runner: orders fill at once at the candle's
 * close, unrounded and free. For timing the strategy's own code, not for results.
 */
final class DirectContext implements StrategyContext {
    private final StrategyParameters parameters;
    private final String symbol;
    private Position position;
    private BigDecimal close;
    private int roundTrips;

    DirectContext(StrategyParameters parameters, String symbol) {
        this.parameters = parameters;
        this.symbol = symbol;
        this.position = Position.flat(symbol);
    }

    /** The close that orders placed from now on fill at. */
    void at(BigDecimal close) {
        this.close = close;
    }

    int roundTrips() {
        return roundTrips;
    }

    @Override
    public StrategyParameters parameters() {
        return parameters;
    }

    @Override
    public Position position() {
        return position;
    }

    @Override
    public boolean warmingUp() {
        return false;
    }

    @Override
    public void buy(BigDecimal quoteAmount) {
        position = new Position(symbol, quoteAmount.divide(close, 5, RoundingMode.DOWN), close);
    }

    @Override
    public void sellAll() {
        position = Position.flat(symbol);
        roundTrips++;
    }
}
