package bot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.domain.Candle;
import bot.domain.Interval;
import bot.domain.Mode;
import bot.domain.OrderRequest;
import bot.domain.OrderStatus;
import bot.domain.OrderType;
import bot.domain.Side;
import bot.engine.StrategyIdentity;
import bot.engine.StrategyRunner;
import bot.execution.binance.BinanceGateway;
import bot.store.JdbiJournal;
import bot.testing.Candles;
import bot.testing.FakeBinanceExchange.Call;
import bot.testing.LiveAudit;
import bot.testing.LiveDaemonKit;
import bot.testing.LiveGatewayKit;
import bot.testing.LiveSetup;
import bot.testing.LogCapture;
import bot.testing.MeanReversionReference;
import bot.testing.ReplayFeed;
import bot.testing.Rows;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code bot start}'s reconciliation, before any strategy runs: orders a previous run left open
 * are settled from the exchange, never re-sent; positions are rebuilt from the fills; a strategy
 * whose state cannot be reconciled is refused with the reason, and the others run.
 */
class ReconciliationTest {
    private static final List<Candle> CANDLES = Candles.xrpEth("XRPETH");
    private static final String PARAMS = "{\"order_value\": \"1\", \"threshold\": 0.002}";
    private static final Map<String, BigDecimal> DEPOSIT = Map.of("ETH", new BigDecimal("5"));

    private final LiveDaemonKit live = new LiveDaemonKit();
    private final String apiKey = LiveSetup.apiKey("main");

    @AfterEach
    void close() {
        live.close();
    }

    private long liveStrategy() {
        LiveSetup.account(live.jdbi, live.exchange, "main");
        live.exchange.deposit(apiKey, "ETH", "5");
        live.exchange.setPrice("XRPETH", "0.00160000");
        return LiveSetup.strategy(live.jdbi, "main", "xrp-live", "XRPETH", "live", PARAMS);
    }

    /** What a run that died after writing the order to the journal left: a PENDING row. */
    private OrderRequest journaledBuy(long strategyId, String clientOrderId) {
        OrderRequest buy = new OrderRequest(clientOrderId, "XRPETH", Side.BUY, OrderType.MARKET, new BigDecimal("600"),
                new BigDecimal("0.0016"), CANDLES.get(99).openTime());
        new JdbiJournal(live.jdbi).open(new StrategyIdentity(strategyId, "xrp-live", Mode.LIVE, "XRPETH", Interval.M1),
                buy, 1).orElseThrow();
        return buy;
    }

    private Map<String, Object> order(long strategyId) {
        return live.jdbi.withHandle(h -> h.createQuery("select status, reason, executed_qty from orders where strategy_id = :id")
                .bind("id", strategyId).mapToMap().one());
    }

    private List<Call> calls(String method, String path) {
        return live.exchange.calls().stream().filter(c -> c.method().equals(method) && c.path().equals(path)).toList();
    }

    @Test
    void anOrderTheExchangeExecutedAfterTheBotDiedIsSettledAtStartAndNeverSentAgain() {
        long id = liveStrategy();
        OrderRequest buy = journaledBuy(id, "b" + id + "-crashed-1");
        BinanceGateway previousRun = live.kit.factory.gateway("main", live.exchange.baseUrl(), apiKey, "hmac",
                LiveSetup.secret("main").getBytes(StandardCharsets.US_ASCII));
        assertEquals(OrderStatus.FILLED, previousRun.submit(buy).status()); // its answer never reached the journal

        assertEquals(1, live.run(CANDLES, 100, 100));

        assertEquals("FILLED", order(id).get("status"));
        assertEquals(1, calls("POST", "/api/v3/order").size(), "never sent again");
        LiveAudit.verify(live.jdbi, live.exchange, id, apiKey, "XRP", "ETH", DEPOSIT); // position 599 = 600 - 0.6 XRP
    }

    @Test
    void aJournaledOrderTheExchangeNeverGotIsExpiredOnlyOnceItsRequestCouldNoLongerArrive() {
        long id = liveStrategy();
        journaledBuy(id, "b" + id + "-never-sent");

        assertEquals(1, live.run(CANDLES, 100, 100));

        assertEquals("EXPIRED", order(id).get("status"));
        assertTrue(((String) order(id).get("reason")).endsWith("its signal is old, not sent again"), order(id).toString());
        assertEquals(List.of(), calls("POST", "/api/v3/order"));
        List<Call> lookups = calls("GET", "/api/v3/order");
        assertTrue(lookups.size() >= 2, "the first \"does not exist\" is not trusted: " + lookups);
        Duration doubt = Duration.ofSeconds(5 + 1); // recvWindow + the 1 s a timestamp may be ahead
        assertTrue(lookups.get(0).time().isBefore(LiveGatewayKit.START.plus(doubt)));
        assertFalse(lookups.get(lookups.size() - 1).time().isBefore(LiveGatewayKit.START.plus(doubt)),
                "trusted only after recvWindow + 1 s from the start: " + lookups);
    }

    @Test
    void aStrategyWhoseOrderCannotBeLookedUpRunsHaltedUntilItsRunnerSettlesItAndTheOthersRun() throws Exception {
        long id = liveStrategy();
        journaledBuy(id, "b" + id + "-in-doubt");
        Rows.strategy(live.jdbi, "xrp-paper", "mean_reversion", "XRPETH", "paper", PARAMS);
        live.exchange.outage(Duration.ofDays(365)); // until the test ends it

        try (LogCapture halt = LogCapture.of("bot.engine.Halt");
             Daemon daemon = live.daemon(new ReplayFeed(Map.of(), 0, 0, () -> { }))) {
            assertEquals(2, daemon.start());
            assertTrue(daemon.awaitFirstAttempts(Duration.ofMinutes(1)));
            Map<String, StrategyRunner> runners = daemon.runners().stream()
                    .collect(java.util.stream.Collectors.toMap(r -> r.identity().name(), r -> r));
            assertEquals(Map.of("xrp-live", "RUNNING", "xrp-paper", "RUNNING"), daemon.phases(),
                    "not refused: its runner settles the order before it trades");
            assertEquals(StrategyRunner.State.HALTED, runners.get("xrp-live").state());
            assertEquals(StrategyRunner.State.RUNNING, runners.get("xrp-paper").state());
            StrategyActivity halted = daemon.activity().stream().filter(a -> a.name().equals("xrp-live")).findFirst()
                    .orElseThrow();
            StrategyState state = StrategyState.of(halted, 0, 0);
            assertEquals(StrategyState.Code.HALTED, state.code(), "bot status says halted, and why");
            assertTrue(state.describe().startsWith("halted: the outcome of order "), state.describe());
            assertEquals(1, halt.count(), "the halt is logged at ERROR when it starts: " + halt.errors());
            assertEquals("UNKNOWN", order(id).get("status"));

            live.exchange.outage(Duration.ZERO); // the exchange answers again: "does not exist", trusted by now
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (runners.get("xrp-live").state() == StrategyRunner.State.HALTED && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(StrategyRunner.State.RUNNING, runners.get("xrp-live").state());
            assertEquals(2, halt.count(), "and when it ends: " + halt.errors());
        }
        assertEquals("EXPIRED", order(id).get("status"));
        assertEquals(List.of(), calls("POST", "/api/v3/order"), "never sent again");
    }

    @Test
    void aPositionItsFillsContradictIsRefused() {
        long id = Rows.strategy(live.jdbi, "xrp-paper", "mean_reversion", "XRPETH", "paper", PARAMS);
        long firstBuy = MeanReversionReference.trades(CANDLES, 20, new BigDecimal("0.002"), BigDecimal.ONE,
                new BigDecimal("0.002"), new BigDecimal("0.001"), 20, CANDLES.size()).get(0).candleOpenTime();
        int end = 1 + CANDLES.indexOf(CANDLES.stream().filter(c -> c.openTime() == firstBuy).findFirst().orElseThrow());
        assertEquals(1, live.run(CANDLES, 20, end));
        assertEquals(1, live.run(CANDLES, end, end), "an untouched journal reconciles");

        live.jdbi.useHandle(h -> h.execute("update positions set qty = qty + 1 where strategy_id = ?", id));
        try (LogCapture errors = LogCapture.errorsOf(StrategyRunner.class)) {
            assertEquals(0, live.run(CANDLES, end, end));
            assertEquals(1, errors.count());
            assertTrue(errors.errors().get(0).contains("does not match the journal's fills"), errors.errors().toString());
        }
    }
}
