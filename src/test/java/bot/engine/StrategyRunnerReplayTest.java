package bot.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.domain.Candle;
import bot.store.Database;
import bot.store.JdbiJournal;
import bot.strategy.kinds.MeanReversionKind;
import bot.testing.Candles;
import bot.testing.Rules;
import bot.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/** A batch handed over with {@link StrategyRunner#replay} trades exactly as the same candles one by one. */
class StrategyRunnerReplayTest {

    @Test
    void batchedReplayMakesTheSameOrdersAsOneCandleAtATime() throws InterruptedException {
        List<Candle> candles = Candles.xrpEth("BTCUSDT").subList(0, 600).stream()
                .map(c -> new Candle("BTCUSDT", c.interval(), c.openTime(), c.closeTime(),
                        c.open().scaleByPowerOfTen(7), c.high().scaleByPowerOfTen(7), c.low().scaleByPowerOfTen(7),
                        c.close().scaleByPowerOfTen(7), c.volume(), c.quoteVolume(), c.trades(), true))
                .toList();
        List<Map<String, Object>> oneByOne = orders(candles, (runner, live) -> live.forEach(runner::onClosed));
        List<Map<String, Object>> batched = orders(candles, (runner, live) -> {
            for (int i = 0; i < live.size(); i += 64) {
                runner.replay(live.subList(i, Math.min(live.size(), i + 64)));
            }
        });
        assertTrue(oneByOne.size() >= 4, "too few orders to be a test: " + oneByOne.size());
        assertEquals(oneByOne, batched);
    }

    private static List<Map<String, Object>> orders(List<Candle> candles,
                                                    BiConsumer<StrategyRunner, List<Candle>> feed) throws InterruptedException {
        try (Database db = TestDatabase.fresh()) {
            RunnerHarness harness = new RunnerHarness(db.jdbi(), "replay", new ScriptedGateway());
            OrderFlow flow = new OrderFlow(harness.identity, harness.gateway, new JdbiJournal(db.jdbi()),
                    Rules.source(Rules.fromExchangeInfo("BTCUSDT")), LookupBackoff.DEFAULT, harness.sleeper,
                    // a replay's clock: at the first live candle's close, so no replayed entry is stale
                    InstantSource.fixed(Instant.ofEpochMilli(candles.get(20).closeTime())));
            var params = new MeanReversionKind().validate(Map.of("order_value", "100", "threshold", "0.003"));
            StrategyRunner runner = new StrategyRunner(harness.identity, new MeanReversionKind().create(params), params, flow);
            runner.start();
            runner.onHistory(candles.subList(0, 20));
            feed.accept(runner, candles.subList(20, candles.size()));
            runner.stop();
            assertTrue(runner.awaitStopped(Duration.ofSeconds(30)));
            assertEquals(candles.get(candles.size() - 1).openTime(), runner.view().lastCandle().openTime(),
                    "the status shows the last candle handled, batched or not");
            return harness.orders().stream().map(o -> Map.of("side", o.get("side"), "candle", o.get("candle_open_time"),
                    "qty", o.get("executed"), "status", o.get("status"))).toList();
        }
    }
}
