package bot.market;

import static org.junit.jupiter.api.Assertions.fail;

import bot.domain.Candle;
import bot.engine.CandleListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/** Records what a feed delivers; waits for it with a bounded poll. */
final class RecordingListener implements CandleListener {
    final List<List<Candle>> histories = new CopyOnWriteArrayList<>();
    final List<Candle> closed = new CopyOnWriteArrayList<>();
    final List<Candle> ticks = new CopyOnWriteArrayList<>();
    /** Every call in order: "history", "closed" or "tick". */
    final List<String> calls = new CopyOnWriteArrayList<>();
    /** When each closed candle arrived (System.nanoTime), by open time. */
    final Map<Long, Long> deliveredAt = new ConcurrentHashMap<>();

    @Override
    public void onHistory(List<Candle> closedCandles) {
        histories.add(closedCandles);
        calls.add("history");
    }

    @Override
    public void onClosed(Candle candle) {
        deliveredAt.put(candle.openTime(), System.nanoTime());
        closed.add(candle);
        calls.add("closed");
    }

    @Override
    public void onTick(Candle forming) {
        ticks.add(forming);
        calls.add("tick");
    }

    /** Waits until the last closed candle delivered is {@code candle}, then returns every closed candle. */
    List<Candle> awaitClosedUpTo(Candle candle) {
        await(() -> !closed.isEmpty() && closed.get(closed.size() - 1).openTime() >= candle.openTime(),
                "closed candle " + candle.openTime() + " never delivered; got " + openTimes(closed));
        return new ArrayList<>(closed);
    }

    static void await(BooleanSupplier condition, String failure) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail(failure);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }

    static List<Long> openTimes(List<Candle> candles) {
        return candles.stream().map(Candle::openTime).toList();
    }
}
