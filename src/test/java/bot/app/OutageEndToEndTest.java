package bot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.domain.Candle;
import bot.testing.Candles;
import bot.testing.FakeBinanceExchange.Call;
import bot.testing.FakeFault;
import bot.testing.LiveAudit;
import bot.testing.LiveDaemonKit;
import bot.testing.LiveSetup;
import bot.testing.LogCapture;
import bot.testing.SignalPrices;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The live daemon (real wiring, PostgreSQL, signed requests) against the fake exchange, which
 * executes a BUY and then goes down for 90 s of the fake clock before anyone learns the outcome:
 * the strategy halts, looks the order up in the background until the exchange is back, records it,
 * rebuilds the position, and then honours the stop-loss on the candles that follow. Every wait
 * advances the fake clock: the 90 s pass in well under a second.
 */
class OutageEndToEndTest {
    private static final Duration OUTAGE = Duration.ofSeconds(90);
    private static final String PARAMS = "{\"order_value\": \"1\", \"threshold\": 0.005, \"stop_loss\": 0.02}";

    private final LiveDaemonKit live = new LiveDaemonKit();
    private final String apiKey = LiveSetup.apiKey("main");

    @AfterEach
    void close() {
        live.close();
    }

    /** 20 warm-up minutes at 0.00130000, a dip that mean_reversion buys, then the price sinks below the stop. */
    private static List<Candle> dipThenStop() {
        List<Candle> candles = new ArrayList<>();
        for (int minute = 0; minute < 20; minute++) {
            candles.add(Candles.flat("XRPETH", minute, "0.00130000"));
        }
        candles.add(Candles.flat("XRPETH", 20, "0.00128000")); // BUY: 20 x close < sum x (1 - 0.005)
        candles.add(Candles.flat("XRPETH", 21, "0.00127500")); // a loss, above the stop
        candles.add(Candles.flat("XRPETH", 22, "0.00127000"));
        candles.add(Candles.flat("XRPETH", 23, "0.00125000")); // at or below 0.00128 x 0.98 = 0.0012544: SELL
        return candles;
    }

    @Test
    void aNinetySecondOutageDuringABuyEndsWithJournalEqualToExchangeAndTheStopLossHonoured() {
        List<Candle> candles = dipThenStop();
        LiveSetup.account(live.jdbi, live.exchange, "main");
        live.exchange.deposit(apiKey, "ETH", "5");
        live.exchange.priceOrdersBy(SignalPrices.closes(candles));
        long id = LiveSetup.strategy(live.jdbi, "main", "xrp-live", "XRPETH", "live", PARAMS);
        // the BUY executes, its answer is lost, and the exchange is unreachable for the next 90 s
        live.exchange.injectOnNextOrder(FakeFault.SERVER_ERROR_AFTER_EXECUTION);
        Instant[] outageStart = new Instant[1];
        live.exchange.onOrderExecuted(order -> {
            if (outageStart[0] == null) {
                outageStart[0] = live.kit.clock.instant();
                live.exchange.outage(OUTAGE);
            }
        });

        try (LogCapture halt = LogCapture.of("bot.engine.Halt")) {
            assertEquals(1, live.run(candles, 20, candles.size()));
            assertEquals(2, halt.count(), "the halt is logged at ERROR when it starts and when it ends: " + halt.errors());
        }

        List<Call> calls = live.exchange.calls();
        List<Call> refused = calls.stream().filter(c -> c.status() == 503 && c.fault() == null).toList();
        assertTrue(refused.size() >= 3, "lookups met the outage: " + refused.size());
        Instant lastRefused = refused.get(refused.size() - 1).time();
        assertTrue(!lastRefused.isBefore(outageStart[0].plus(OUTAGE).minusSeconds(60)), "the outage lasted: " + lastRefused);

        // (a request that timed out before it left, on a loaded machine, leaves an EXPIRED row the exchange
        // never had, and is sent again under a new id: the audit below checks those too)
        List<Map<String, Object>> orders = live.jdbi.withHandle(h -> h.createQuery("""
                select side, status, candle_open_time from orders where strategy_id = :id and status = 'FILLED'
                order by id""")
                .bind("id", id).mapToMap().list());
        assertEquals(List.of("BUY FILLED", "SELL FILLED"), orders.stream().map(o -> o.get("side") + " " + o.get("status"))
                .toList(), "the BUY in doubt was recorded once, never resent, and the stop-loss sold afterwards");
        assertEquals(candles.get(20).openTime(), orders.get(0).get("candle_open_time"));
        assertEquals(candles.get(23).openTime(), orders.get(1).get("candle_open_time"), "the first candle at the stop");
        Instant sell = calls.stream().filter(c -> c.method().equals("POST") && c.status() == 200).map(Call::time)
                .reduce((a, b) -> b).orElseThrow();
        assertTrue(sell.isAfter(outageStart[0].plus(OUTAGE)), "the SELL left after the outage");

        LiveAudit.Summary audit = LiveAudit.verify(live.jdbi, live.exchange, id, apiKey, "XRP", "ETH",
                Map.of("ETH", new BigDecimal("5")));
        assertEquals(2, audit.executed());
        assertEquals(audit.journaled() - 2, audit.notExecuted());
        assertTrue(live.exchange.balance(apiKey, "XRP").compareTo(BigDecimal.ONE) < 0, "sold all but dust below a step");
    }

    @Test
    void aStopLossSellThatMeetsANinetySecondOutageIsSentAgainUntilTheExchangeHasIt() {
        List<Candle> candles = dipThenStop();
        LiveSetup.account(live.jdbi, live.exchange, "main");
        live.exchange.deposit(apiKey, "ETH", "5");
        live.exchange.priceOrdersBy(SignalPrices.closes(candles));
        long id = LiveSetup.strategy(live.jdbi, "main", "xrp-live", "XRPETH", "live", PARAMS);
        // the exchange goes down as the SELL arrives: the load balancer answers 503, nothing executes
        Instant[] outageStart = new Instant[1];
        live.exchange.onArrival(route -> {
            if (route.equals("POST /api/v3/order") && live.exchange.orders().size() == 1 && outageStart[0] == null) {
                outageStart[0] = live.kit.clock.instant();
                live.exchange.outage(OUTAGE);
            }
        });

        assertEquals(1, live.run(candles, 20, candles.size()));

        List<Map<String, Object>> orders = live.jdbi.withHandle(h -> h.createQuery("""
                select side, status, candle_open_time from orders where strategy_id = :id order by id""")
                .bind("id", id).mapToMap().list());
        List<String> sells = orders.stream().filter(o -> o.get("side").equals("SELL")).map(o -> (String) o.get("status"))
                .toList();
        assertEquals("FILLED", sells.get(sells.size() - 1), "the exit was placed in the end: " + orders);
        assertTrue(sells.subList(0, sells.size() - 1).stream().allMatch("EXPIRED"::equals), orders.toString());
        assertTrue(sells.size() >= 2, "the SELL the outage swallowed was sent again under a new id: " + orders);
        assertTrue(orders.stream().allMatch(o -> o.get("candle_open_time").equals(candles.get(20).openTime())
                || o.get("candle_open_time").equals(candles.get(23).openTime())), orders.toString());
        Instant sold = live.exchange.calls().stream().filter(c -> c.method().equals("POST") && c.status() == 200)
                .map(Call::time).reduce((a, b) -> b).orElseThrow();
        assertTrue(sold.isAfter(outageStart[0].plus(OUTAGE)), "placed once the exchange was back");
        LiveAudit.Summary audit = LiveAudit.verify(live.jdbi, live.exchange, id, apiKey, "XRP", "ETH",
                Map.of("ETH", new BigDecimal("5")));
        assertEquals(2, audit.executed());
    }
}
