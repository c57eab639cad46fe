package bot.execution.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import bot.domain.ExecutionReport;
import bot.domain.Fill;
import bot.domain.Money;
import bot.domain.OrderRequest;
import bot.domain.OrderStatus;
import bot.domain.OrderType;
import bot.domain.Side;
import bot.testing.FakeBinanceExchange;
import bot.testing.FakeBinanceExchange.Call;
import bot.testing.FakeFault;
import bot.testing.FakeOrder;
import bot.testing.LiveGatewayKit;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The engine's protocol, reduced to a small driver, over the gateway with faults injected at
 * random into a third of the orders: submit; on UNKNOWN look the order up with backoff; when the
 * exchange says it does not exist, submit again under a new id. No signal may execute twice, and
 * every executed order must be known with its fills.
 */
class ExactlyOnceProtocolTest {
    private static final int SIGNALS = 90;
    private static final long SEED = 20260302L;
    private static final BigDecimal STEP = new BigDecimal("0.00001");
    private static final String KEY = LiveGatewayKit.apiKey("main");

    private final LiveGatewayKit kit = new LiveGatewayKit();
    private final FakeBinanceExchange exchange = kit.exchange;
    private final BinanceGateway gateway = kit.ed25519Account("main");
    private final Map<String, ExecutionReport> known = new HashMap<>();

    @AfterEach
    void close() {
        kit.close();
    }

    @Test
    void noOrderExecutesTwiceAndEveryExecutedOrderIsKnown() {
        exchange.deposit(KEY, "USDT", "10000");
        exchange.setFillsPerOrder(2);
        exchange.injectAtRandom(SEED, 1.0 / 3, FakeFault.values());
        Random prices = new Random(SEED);
        BigDecimal position = BigDecimal.ZERO;
        BigDecimal usdt = new BigDecimal("10000");
        for (int signal = 0; signal < SIGNALS; signal++) {
            exchange.setPrice("BTCUSDT", BigDecimal.valueOf(4_900_000 + prices.nextInt(200_000), 2).toPlainString());
            boolean buy = position.signum() == 0 || Money.floorToStep(position, STEP).signum() == 0;
            BigDecimal qty = buy ? new BigDecimal("0.004") : Money.floorToStep(position, STEP);
            ExecutionReport report = execute(signal, buy ? Side.BUY : Side.SELL, qty);
            assertEquals(OrderStatus.FILLED, report.status(), report.reason());
            for (Fill fill : report.fills()) {
                BigDecimal quote = fill.price().multiply(fill.qty());
                position = buy ? position.add(fill.qty()).subtract(fill.commission()) : position.subtract(fill.qty());
                usdt = buy ? usdt.subtract(quote) : usdt.add(quote).subtract(fill.commission());
            }
            kit.clock.advance(Duration.ofMinutes(1));
        }

        List<FakeOrder> orders = exchange.orders();
        Map<String, Long> executedPerSignal = orders.stream().filter(FakeOrder::executed)
                .collect(Collectors.groupingBy(o -> o.clientOrderId().substring(0, o.clientOrderId().indexOf('-')),
                        Collectors.counting()));
        assertEquals(SIGNALS, executedPerSignal.size(), "every signal executed");
        executedPerSignal.forEach((signal, count) -> assertEquals(1L, count, "signal " + signal + " executed twice"));
        for (FakeOrder order : orders) {
            ExecutionReport report = known.get(order.clientOrderId());
            assertNotNull(report, "executed but unknown: " + order.clientOrderId());
            assertEquals(order.executedQty(), report.executedQty());
            assertEquals(order.trades().stream().map(t -> Long.toString(t.id())).toList(),
                    report.fills().stream().map(Fill::tradeId).toList());
        }
        assertEquals(0, position.compareTo(exchange.balance(KEY, "BTC")), position + " vs " + exchange.balance(KEY, "BTC"));
        assertEquals(0, usdt.compareTo(exchange.balance(KEY, "USDT")), usdt + " vs " + exchange.balance(KEY, "USDT"));

        List<Call> orderCalls = exchange.calls().stream().filter(c -> c.method().equals("POST")).toList();
        assertEquals(List.of(), orderCalls.stream().filter(c -> c.status() == 400).toList(), "no order request rejected");
        assertEquals(List.of(), exchange.earlyCalls(), "no request inside a Retry-After");
        Map<FakeFault, Long> faults = new EnumMap<>(FakeFault.class);
        orderCalls.stream().filter(c -> c.fault() != null).forEach(c -> faults.merge(c.fault(), 1L, Long::sum));
        assertEquals(FakeFault.values().length, faults.size(), "every fault kind was injected: " + faults);
        long injected = faults.values().stream().mapToLong(Long::longValue).sum();
        assertTrue(injected >= SIGNALS / 4 && injected <= SIGNALS / 2, "about a third faulted: " + faults);
    }

    /** Submit; on UNKNOWN look up with backoff; resubmit under a new id only after "does not exist". */
    private ExecutionReport execute(int signal, Side side, BigDecimal qty) {
        for (int attempt = 1; attempt <= 10; attempt++) {
            String id = "s" + signal + "-" + attempt;
            ExecutionReport report = gateway.submit(new OrderRequest(id, "BTCUSDT", side, OrderType.MARKET, qty,
                    BigDecimal.ONE, signal * 60_000L));
            Duration backoff = Duration.ofSeconds(1);
            for (int look = 0; report != null && report.status() == OrderStatus.UNKNOWN; look++) {
                if (look == 12) {
                    fail("the lookup of " + id + " never settled: " + report.reason());
                }
                kit.clock.advance(backoff);
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30)
                        : backoff.multipliedBy(2);
                Optional<ExecutionReport> found = gateway.lookup("BTCUSDT", id);
                report = found.orElse(null);
            }
            if (report != null) {
                assertNotEquals(OrderStatus.UNKNOWN, report.status());
                known.put(id, report);
                return report;
            }
        }
        return fail("signal " + signal + " never executed");
    }
}
