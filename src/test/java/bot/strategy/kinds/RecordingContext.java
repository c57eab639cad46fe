package bot.strategy.kinds;

import bot.domain.Position;
import bot.strategy.StrategyContext;
import bot.strategy.StrategyParameters;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A context that records what a strategy asks for, without dropping anything (the engine's job). */
final class RecordingContext implements StrategyContext {
    final List<String> orders = new ArrayList<>();
    private final StrategyParameters parameters;
    Position position = Position.flat("TEST");
    boolean warmingUp;

    RecordingContext(StrategyParameters parameters) {
        this.parameters = parameters;
    }

    void hold(String quantity, String entryPrice) {
        position = new Position("TEST", new BigDecimal(quantity), new BigDecimal(entryPrice));
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
        return warmingUp;
    }

    @Override
    public void buy(BigDecimal quoteAmount) {
        orders.add("BUY " + quoteAmount.toPlainString());
    }

    @Override
    public void sellAll() {
        orders.add("SELL");
    }
}
