package bot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.domain.Candle;
import bot.store.ChangeListener;
import bot.testing.Candles;
import bot.testing.FakeOrder;
import bot.testing.LiveDaemonKit;
import bot.testing.LiveSetup;
import bot.testing.MeanReversionReference;
import bot.testing.MeanReversionReference.Trade;
import bot.testing.SignalPrices;
import bot.testing.SteppedFeed;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The limits and the kill switch in the whole daemon (real wiring, real PostgreSQL, the live
 * gateway against the fake exchange) on real XRPETH minutes.
 */
class RiskEndToEndTest {
    private static final int WINDOW = 20;
    private static final BigDecimal THRESHOLD = new BigDecimal("0.002");
    private static final BigDecimal FEE = new BigDecimal("0.001");
    private static final String PARAMS = "{\"order_value\": \"1\", \"threshold\": 0.002}";

    private final LiveDaemonKit live = new LiveDaemonKit();
    private final String apiKey = LiveSetup.apiKey("main");
    private final List<Candle> candles = Candles.xrpEth("XRPETH");

    @AfterEach
    void close() {
        live.close();
    }

    private long liveStrategy() {
        LiveSetup.account(live.jdbi, live.exchange, "main");
        live.exchange.deposit(apiKey, "ETH", "25");
        live.exchange.priceOrdersBy(SignalPrices.closesWithin(candles));
        return LiveSetup.strategy(live.jdbi, "main", "xrp-live", "XRPETH", "live", PARAMS);
    }

    private RiskSetup setup() {
        return new RiskSetup(live.jdbi, Clock.systemUTC());
    }

    private List<Trade> reference() {
        return MeanReversionReference.trades(candles, WINDOW, THRESHOLD, BigDecimal.ONE, new BigDecimal("0.002"), FEE,
                WINDOW, candles.size());
    }

    private long count(String sql, long strategyId) {
        return live.jdbi.withHandle(h -> h.createQuery(sql).bind("id", strategyId).mapTo(Long.class).one());
    }

    private List<FakeOrder> exchangeOrders(String side) {
        return live.exchange.orders().stream().filter(o -> o.side().equals(side) && o.executed()).toList();
    }

    @Test
    void aLiveStrategyTripsMaxDrawdownOnRecordedCandlesAndMakesNoFurtherEntry() {
        long id = liveStrategy();
        setup().set("xrp-live", null, List.of("max_drawdown=0.01"));

        assertEquals(1, live.run(candles, WINDOW, candles.size()));

        List<Map<String, Object>> trips = live.jdbi.withHandle(h -> h.createQuery(
                "select limit_key, value, threshold from risk_events where event = 'trip'").mapToMap().list());
        assertEquals(1, trips.size(), trips.toString());
        assertEquals("max_drawdown", trips.get(0).get("limit_key"));
        BigDecimal value = (BigDecimal) trips.get(0).get("value");
        assertEquals(0, new BigDecimal("0.01").compareTo((BigDecimal) trips.get(0).get("threshold")), "0.01 x 1 ETH");
        assertTrue(value.compareTo(new BigDecimal("0.01")) > 0, value.toPlainString());
        assertEquals(1, count("select count(*) from risk_blocks where kind = 'trip' and scope_name = 'xrp-live'"
                + " and until is null and :id > 0", id), "kept: a restarted daemon starts tripped");

        long denied = count("select count(*) from risk_denials where strategy_id = :id and reason = 'max_drawdown'", id);
        assertTrue(denied > 0, "entries were denied after the trip");
        long firstDenied = count("select min(candle_open_time) from risk_denials where strategy_id = :id", id);
        assertEquals(0, count("select count(*) from orders where strategy_id = :id and side = 'BUY'"
                + " and candle_open_time > " + firstDenied, id), "no entry after the trip");
        long buys = count("select count(*) from orders where strategy_id = :id and side = 'BUY'", id);
        long referenceBuys = reference().stream().filter(t -> t.side().equals("BUY")).count();
        assertTrue(buys < referenceBuys, buys + " entries, without the limit " + referenceBuys);
        System.out.printf("max_drawdown tripped at %s (threshold 0.01 ETH) after %d of %d entries; %d entries denied%n",
                value.toPlainString(), buys, referenceBuys, denied);
    }

    @Test
    void haltAllWithFlattenOnARunningDaemonSellsTheOpenPositionOnceAndResumeBringsEntriesBack() throws Exception {
        long id = liveStrategy();
        List<Trade> reference = reference();
        int firstBuy = indexOf(reference.get(0).candleOpenTime());
        int firstSell = indexOf(reference.get(1).candleOpenTime());
        assertTrue(firstSell > firstBuy + 1, "the position is held for a while");
        SteppedFeed feed = new SteppedFeed(candles, WINDOW);
        try (Daemon daemon = live.daemon(feed, feed.firstLiveClose(), LiveSetup.masterKeys())) {
            daemon.start();
            assertTrue(daemon.awaitFirstAttempts(Duration.ofMinutes(1)), daemon.phases().toString());
            try (ChangeListener changes = live.listen(daemon)) {
                feed.pushUntil(firstBuy + 1);
                await(() -> exchangeOrders("BUY").size() == 1 && count(
                        "select count(*) from positions where strategy_id = :id and qty > 0", id) == 1, "the entry");

                long start = System.nanoTime();
                assertEquals("Halted all: no entries; its open positions are sold now.",
                        setup().halt(null, null, true, "test", true));
                await(() -> exchangeOrders("SELL").size() == 1, "the flatten");
                long flattenMs = (System.nanoTime() - start) / 1_000_000;
                System.out.printf("bot halt --all --flatten: position sold (and entries stopped) %d ms after the halt%n",
                        flattenMs);
                // the one-second target is the risk benchmark's (bot.bench.RiskBench), not a timed assertion here

                feed.pushUntil(firstSell + 200);
                await(() -> count("select count(*) from risk_denials where strategy_id = :id and reason = 'halted'", id)
                        > 0, "a denied entry");
                Thread.sleep(300);
                assertEquals(1, exchangeOrders("BUY").size(), "no entry while halted");
                assertEquals(1, exchangeOrders("SELL").size(), "the position sold once");
                assertEquals(0, count("select count(*) from positions where strategy_id = :id and qty > 0", id));

                setup().resume(null, null, true);
                Thread.sleep(1000); // within a second the daemon has the resume
                for (int to = feed.next() + 50; exchangeOrders("BUY").size() < 2 && to <= candles.size(); to += 50) {
                    feed.pushUntil(to);
                    Thread.sleep(200);
                }
                await(() -> exchangeOrders("BUY").size() >= 2, "an entry after the resume");
            }
        }
    }

    private int indexOf(long openTime) {
        for (int i = 0; i < candles.size(); i++) {
            if (candles.get(i).openTime() == openTime) {
                return i;
            }
        }
        throw new AssertionError("no candle opens at " + openTime);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }
}
