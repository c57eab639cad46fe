package bot.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.domain.ExecutionReport;
import bot.domain.OrderRequest;
import bot.domain.OrderStatus;
import bot.domain.OrderType;
import bot.domain.Side;
import bot.execution.binance.BinanceGateway;
import bot.market.ExchangeInfoClient;
import bot.testing.FakeFault;
import bot.testing.LiveGatewayKit;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An entry that waits for the host's budget (a 429's Retry-After) past the moment its signal goes
 * stale is never sent; one without a deadline (an exit) leaves once the budget lets it.
 */
class StaleEntryHeldByBudgetTest {

    @Test
    void anEntryHeldBackPastItsSendByIsNeverSentWhileAnOrderWithoutOneLeavesAfterTheWait() {
        try (LiveGatewayKit kit = new LiveGatewayKit()) {
            BinanceGateway gateway = kit.hmacAccount("first");
            kit.exchange.deposit(LiveGatewayKit.apiKey("first"), "USDT", "1000");
            kit.exchange.setPrice("BTCUSDT", "40000");
            ExchangeInfoClient rules = new ExchangeInfoClient(kit.hosts.host(kit.exchange.baseUrl()));
            kit.exchange.setRetryAfter(Duration.ofSeconds(42));
            kit.exchange.injectOnNext("GET", "/api/v3/exchangeInfo", FakeFault.RATE_LIMITED);
            assertThrows(UncheckedIOException.class, () -> rules.rules("BTCUSDT"));

            Duration maxWait = Duration.ofSeconds(10); // stale long before the 42 s are over
            ExecutionReport stale = gateway.submit(new OrderRequest("b1-stale-1", "BTCUSDT", Side.BUY,
                    OrderType.MARKET, new BigDecimal("0.001"), new BigDecimal("40000"), 0L, maxWait));
            assertEquals(OrderStatus.UNKNOWN, stale.status());
            assertTrue(stale.reason().contains("stale"), stale.reason());
            assertEquals(List.of(), orders(kit), "the stale entry never left");
            assertEquals(java.util.Optional.empty(), gateway.lookup("BTCUSDT", "b1-stale-1"),
                    "known not sent: its 'does not exist' is trusted at once");

            ExecutionReport later = gateway.submit(new OrderRequest("b1-fresh-2", "BTCUSDT", Side.BUY,
                    OrderType.MARKET, new BigDecimal("0.001"), new BigDecimal("40000"), 0L));
            assertEquals(OrderStatus.FILLED, later.status(), later.reason());
            assertEquals(List.of("b1-fresh-2"), orders(kit));
        }
    }

    private static List<String> orders(LiveGatewayKit kit) {
        return kit.exchange.calls().stream().filter(c -> c.method().equals("POST") && c.path().equals("/api/v3/order"))
                .map(c -> c.params().get("newClientOrderId")).toList();
    }
}
