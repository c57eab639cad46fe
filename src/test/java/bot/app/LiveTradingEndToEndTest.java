package bot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.domain.Candle;
import bot.testing.Candles;
import bot.testing.FakeBinanceExchange.Call;
import bot.testing.FakeFault;
import bot.testing.LiveAudit;
import bot.testing.LiveDaemonKit;
import bot.testing.LiveSetup;
import bot.testing.MeanReversionReference;
import bot.testing.MeanReversionReference.Trade;
import bot.testing.SignalPrices;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Live mean_reversion through the whole daemon (real wiring, real PostgreSQL, credentials
 * decrypted with the master key) against the fake exchange, on real XRPETH minutes. The exchange
 * fills each order at its signal candle's close, as the paper simulator does, and takes a BUY's
 * commission in XRP; so the live orders must be exactly the rules' orders with each SELL smaller by
 * that commission, and the paper twin's exactly the rules' orders.
 */
class LiveTradingEndToEndTest {
    private static final int WINDOW = 20;
    private static final BigDecimal THRESHOLD = new BigDecimal("0.002");
    private static final BigDecimal FEE = new BigDecimal("0.001");
    private static final String PARAMS = "{\"order_value\": \"1\", \"threshold\": 0.002}";
    private static final Map<String, BigDecimal> DEPOSIT = Map.of("ETH", new BigDecimal("25"));

    private final LiveDaemonKit live = new LiveDaemonKit();
    private final String apiKey = LiveSetup.apiKey("main");

    @AfterEach
    void close() {
        live.close();
    }

    private long liveStrategy(List<Candle> candles) {
        LiveSetup.account(live.jdbi, live.exchange, "main");
        live.exchange.deposit(apiKey, "ETH", DEPOSIT.get("ETH").toPlainString());
        live.exchange.priceOrdersBy(SignalPrices.closes(candles));
        return LiveSetup.strategy(live.jdbi, "main", "xrp-live", "XRPETH", "live", PARAMS);
    }

    private static List<Trade> rules(List<Candle> candles, int end) {
        return MeanReversionReference.trades(candles, WINDOW, THRESHOLD, BigDecimal.ONE, new BigDecimal("0.002"), FEE,
                WINDOW, end);
    }

    @Test
    void liveMeanReversionMakesExactlyTheOrdersTheRulesCallForWithNoRejectedRequest() {
        List<Candle> candles = Candles.xrpEth("XRPETH");
        int end = candles.size();
        long liveId = liveStrategy(candles);
        LiveSetup.account(live.jdbi, live.exchange, "paper");
        long paperId = LiveSetup.strategy(live.jdbi, "paper", "xrp-paper", "XRPETH", "paper", PARAMS);

        assertEquals(2, live.run(candles, WINDOW, end));

        List<Trade> expected = rules(candles, end);
        assertTrue(expected.size() >= 40, "too few trades to be a test: " + expected.size());
        assertEquals(expected, filled(paperId));
        assertEquals(MeanReversionReference.withBaseCommission(expected, FEE), filled(liveId));
        assertEquals(List.of(), live.exchange.calls().stream().filter(c -> c.status() != 200).toList(),
                "no request refused: sells fit the balance left after the base commission");
        LiveAudit.Summary audit = LiveAudit.verify(live.jdbi, live.exchange, liveId, apiKey, "XRP", "ETH", DEPOSIT);
        assertEquals(expected.size(), audit.executed());
        assertEquals(expected.size(), audit.journaled());
    }

    @Test
    void withFaultsInAThirdOfTheOrdersNothingExecutesTwiceNothingIsLostAndRetryAfterIsObeyed() {
        List<Candle> candles = Candles.xrpEth("XRPETH");
        int end = candles.size();
        long liveId = liveStrategy(candles);
        live.exchange.setRetryAfter(Duration.ofSeconds(30));
        live.exchange.injectAtRandom(20191011L, 1.0 / 3, FakeFault.SERVER_ERROR_BEFORE_EXECUTION,
                FakeFault.SERVER_ERROR_AFTER_EXECUTION, FakeFault.TIMEOUT_AFTER_EXECUTION,
                FakeFault.DISCONNECT_AFTER_EXECUTION, FakeFault.RATE_LIMITED);

        assertEquals(1, live.run(candles, WINDOW, end));

        LiveAudit.Summary audit = LiveAudit.verify(live.jdbi, live.exchange, liveId, apiKey, "XRP", "ETH", DEPOSIT);
        assertEquals(MeanReversionReference.withBaseCommission(rules(candles, end), FEE), filled(liveId),
                "every signal executed once, resent under a new id only when the exchange did not have it");
        List<Call> orders = live.exchange.calls().stream().filter(c -> c.method().equals("POST")).toList();
        Map<FakeFault, Long> faults = new EnumMap<>(FakeFault.class);
        orders.stream().filter(c -> c.fault() != null).forEach(c -> faults.merge(c.fault(), 1L, Long::sum));
        long injected = faults.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("%d order requests, faults %s, %d executed, %d journal rows%n", orders.size(), faults,
                audit.executed(), audit.journaled());
        assertEquals(FakeFault.values().length, faults.size(), "every kind of fault was injected: " + faults);
        assertTrue(injected * 4 >= orders.size() && injected * 5 <= orders.size() * 2, "about a third: " + faults);
        assertEquals(injected - faults.get(FakeFault.SERVER_ERROR_AFTER_EXECUTION)
                        - faults.get(FakeFault.TIMEOUT_AFTER_EXECUTION) - faults.get(FakeFault.DISCONNECT_AFTER_EXECUTION),
                audit.notExecuted(), "a journal row the exchange lacks for each fault before execution, no other");

        assertEquals(List.of(), live.exchange.earlyCalls(), "nothing sent to the host inside a Retry-After");
        List<Call> calls = live.exchange.calls();
        for (int i = 0; i < calls.size() - 1; i++) {
            if (calls.get(i).status() == 429) {
                assertFalse(calls.get(i + 1).time().isBefore(calls.get(i).time().plusSeconds(30)), calls.get(i + 1).toString());
            }
        }
    }

    private List<Trade> filled(long strategyId) {
        return live.jdbi.withHandle(h -> h.createQuery("""
                select side, candle_open_time, executed_qty, avg_price from orders
                where strategy_id = :id and status = 'FILLED' order by id""").bind("id", strategyId)
                .map((rs, ctx) -> new Trade(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3), rs.getBigDecimal(4))
                        .normalized()).list());
    }
}
