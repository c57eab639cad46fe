package bot.strategy.kinds;

import bot.domain.Candle;
import bot.strategy.Strategy;
import bot.strategy.StrategyKind;
import bot.strategy.StrategyParameters;
import bot.testing.Candles;
import java.util.List;
import java.util.Map;

/** A kind's strategy fed with hand-made closes, recording its orders per candle. */
final class KindFixture {
    final Strategy strategy;
    final RecordingContext context;
    private int minute;

    KindFixture(StrategyKind kind, Map<String, String> raw) {
        StrategyParameters parameters = kind.validate(raw);
        this.strategy = kind.create(parameters);
        this.context = new RecordingContext(parameters);
    }

    /** Feeds the closes; returns the orders placed on the last one. */
    List<String> closes(String... closes) {
        List<String> last = List.of();
        for (String close : closes) {
            last = candle(Candles.flat("TEST", minute++, close));
        }
        return last;
    }

    List<String> candle(Candle candle) {
        int before = context.orders.size();
        strategy.onCandle(candle, context);
        return List.copyOf(context.orders.subList(before, context.orders.size()));
    }

    int nextMinute() {
        return minute++;
    }
}
