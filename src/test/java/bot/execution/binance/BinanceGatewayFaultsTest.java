package bot.execution.binance;

import static bot.execution.binance.BinanceGatewayTest.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.domain.ExecutionReport;
import bot.domain.Fill;
import bot.domain.OrderStatus;
import bot.domain.Side;
import bot.rest.RequestBudget;
import bot.testing.FakeBinanceExchange;
import bot.testing.FakeBinanceExchange.Call;
import bot.testing.FakeFault;
import bot.testing.FakeOrder;
import bot.testing.LiveGatewayKit;
import bot.testing.LogCapture;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every way an order's answer can be lost yields UNKNOWN, and the lookup then tells the truth. */
class BinanceGatewayFaultsTest {
    private final LiveGatewayKit kit = new LiveGatewayKit();
    private final FakeBinanceExchange exchange = kit.exchange;
    private final BinanceGateway gateway = kit.ed25519Account("main");

    BinanceGatewayFaultsTest() {
        exchange.deposit(LiveGatewayKit.apiKey("main"), "USDT", "100000");
        exchange.setPrice("BTCUSDT", "50000");
    }

    @AfterEach
    void close() {
        kit.close();
    }

    @ParameterizedTest
    @EnumSource(value = FakeFault.class, names = "RATE_LIMITED", mode = EnumSource.Mode.EXCLUDE)
    void aLostAnswerIsUnknownAndTheLookupTellsTheTruth(FakeFault fault) {
        exchange.injectOnNextOrder(fault);
        ExecutionReport submitted = gateway.submit(order("f-1", Side.BUY, new BigDecimal("0.002")));
        assertEquals(OrderStatus.UNKNOWN, submitted.status(), submitted.reason());
        assertEquals(fault.executes() ? 1 : 0, exchange.orders().size(), "the fault executes the order or not");
        assertEquals(1, exchange.calls().stream().filter(c -> c.method().equals("POST")).count(), "never resent");

        Optional<ExecutionReport> found = gateway.lookup("BTCUSDT", "f-1");
        if (fault.executes()) {
            ExecutionReport report = found.orElseThrow();
            assertEquals(OrderStatus.FILLED, report.status());
            assertEquals(new BigDecimal("0.00200000"), report.executedQty());
            assertEquals(List.of(new BigDecimal("0.00000200")), report.fills().stream().map(Fill::commission).toList());
        } else {
            // "does not exist" is not trusted while the request could still reach the exchange
            assertEquals(OrderStatus.UNKNOWN, found.orElseThrow().status());
            kit.clock.advance(BinanceGatewayFactory.DEFAULT_RECV_WINDOW.plusSeconds(2));
            assertEquals(Optional.empty(), gateway.lookup("BTCUSDT", "f-1"));
        }
    }

    @Test
    void aLookupThatKeepsFailingIsUnknown() {
        exchange.injectOnNextOrder(FakeFault.SERVER_ERROR_AFTER_EXECUTION);
        gateway.submit(order("f-2", Side.BUY, new BigDecimal("0.002")));
        exchange.injectOnNext("GET", "/api/v3/order", FakeFault.SERVER_ERROR_BEFORE_EXECUTION,
                FakeFault.SERVER_ERROR_AFTER_EXECUTION, FakeFault.DISCONNECT_AFTER_EXECUTION,
                FakeFault.SERVER_ERROR_BEFORE_EXECUTION, FakeFault.SERVER_ERROR_BEFORE_EXECUTION);
        assertEquals(OrderStatus.UNKNOWN, gateway.lookup("BTCUSDT", "f-2").orElseThrow().status());
        assertTrue(kit.sleptMillis() > 0, "reads are retried with backoff");
        // once the exchange answers again, the order is found
        assertEquals(OrderStatus.FILLED, gateway.lookup("BTCUSDT", "f-2").orElseThrow().status());
    }

    @Test
    void aTransientLookupFailureIsRetriedWithBackoff() {
        exchange.injectOnNextOrder(FakeFault.TIMEOUT_AFTER_EXECUTION);
        gateway.submit(order("f-3", Side.BUY, new BigDecimal("0.002")));
        exchange.injectOnNext("GET", "/api/v3/myTrades", FakeFault.SERVER_ERROR_BEFORE_EXECUTION);
        long before = kit.sleptMillis();
        assertEquals(OrderStatus.FILLED, gateway.lookup("BTCUSDT", "f-3").orElseThrow().status());
        assertTrue(kit.sleptMillis() - before >= 180, "waited " + (kit.sleptMillis() - before) + " ms");
    }

    @Test
    void afterA429NothingIsSentToTheHostBeforeRetryAfterNotEvenForOtherAccounts() {
        BinanceGateway second = kit.hmacAccount("second");
        exchange.deposit(LiveGatewayKit.apiKey("second"), "USDT", "1000");
        exchange.setRetryAfter(Duration.ofSeconds(42));
        exchange.injectOnNextOrder(FakeFault.RATE_LIMITED);
        try (LogCapture errors = LogCapture.errorsOf(RequestBudget.class)) {
            ExecutionReport limited = gateway.submit(order("l-1", Side.BUY, new BigDecimal("0.002")));
            assertEquals(OrderStatus.UNKNOWN, limited.status());
            List<Call> calls = exchange.calls();
            int limitedAt = calls.indexOf(calls.stream().filter(c -> c.status() == 429).findFirst().orElseThrow());
            Instant bannedAt = calls.get(limitedAt).time();

            ExecutionReport other = second.submit(order("l-2", Side.BUY, new BigDecimal("0.002")));
            assertEquals(OrderStatus.FILLED, other.status(), other.reason());
            kit.clock.advance(Duration.ofSeconds(10));
            assertEquals(Optional.empty(), gateway.lookup("BTCUSDT", "l-1"));

            assertEquals(List.of(), exchange.earlyCalls());
            List<Call> after = exchange.calls().subList(limitedAt + 1, exchange.calls().size());
            assertEquals(2, after.size(), "the other account's order and the lookup went later: " + after);
            for (Call call : after) {
                assertFalse(call.time().isBefore(bannedAt.plusSeconds(42)), call.toString());
            }
            assertEquals(1, errors.count(), "the ban is logged once, however many requests wait");
        }
    }

    @Test
    void theWeightTheServerReportsIsHonoured() {
        exchange.addForeignWeight(1150);
        ExecutionReport report = gateway.submit(order("w-1", Side.BUY, new BigDecimal("0.002")));
        assertEquals(OrderStatus.FILLED, report.status(), report.reason());
        assertEquals(List.of(), exchange.calls().stream().filter(c -> c.status() != 200).toList());
        Call placed = exchange.calls().stream().filter(c -> c.method().equals("POST")).findFirst().orElseThrow();
        assertTrue(placed.time().isAfter(LiveGatewayKit.START.plusSeconds(59)), "waited for the next minute: " + placed);
    }

    @Test
    void aTimestampOutsideRecvWindowResyncsTheClockAndGoesOnce() {
        assertEquals(OrderStatus.FILLED, gateway.submit(order("t-1", Side.BUY, new BigDecimal("0.002"))).status());
        exchange.setServerTimeSkew(Duration.ofSeconds(-8));
        ExecutionReport report = gateway.submit(order("t-2", Side.BUY, new BigDecimal("0.002")));
        assertEquals(OrderStatus.FILLED, report.status(), report.reason());

        List<String> tail = exchange.calls().stream().skip(exchange.calls().size() - 3)
                .map(c -> c.method() + " " + c.path() + " " + c.status()).toList();
        assertEquals(List.of("POST /api/v3/order 400", "GET /api/v3/time 200", "POST /api/v3/order 200"), tail);
        assertEquals(List.of("t-1", "t-2"), exchange.orders().stream().map(FakeOrder::clientOrderId).toList());
    }
}
