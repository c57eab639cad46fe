package bot.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.execution.binance.BinanceGateway;
import bot.market.ExchangeInfoClient;
import bot.testing.FakeBinanceExchange.Call;
import bot.testing.FakeFault;
import bot.testing.LiveGatewayKit;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Market data and orders reach a host through the same budget: a 429 met by one holds back the other. */
class OneBudgetPerHostTest {

    @Test
    void aRateLimitMetByMarketDataHoldsBackTheOrdersOfEveryAccount() {
        try (LiveGatewayKit kit = new LiveGatewayKit()) {
            BinanceGateway gateway = kit.hmacAccount("first");
            ExchangeInfoClient rules = new ExchangeInfoClient(kit.hosts.host(kit.exchange.baseUrl()));
            kit.exchange.setRetryAfter(Duration.ofSeconds(42));
            kit.exchange.injectOnNext("GET", "/api/v3/exchangeInfo", FakeFault.RATE_LIMITED);

            UncheckedIOException limited = assertThrows(UncheckedIOException.class, () -> rules.rules("BTCUSDT"));
            assertTrue(limited.getMessage().contains("HTTP 429"), limited.getMessage());
            Instant retryAfter = kit.exchange.calls().get(0).time().plusSeconds(42);

            gateway.lookup("BTCUSDT", "never-sent-1");

            assertEquals(List.of(), kit.exchange.earlyCalls(), "nothing inside the Retry-After");
            List<Call> later = kit.exchange.calls().subList(1, kit.exchange.calls().size());
            assertFalse(later.isEmpty());
            for (Call call : later) {
                assertFalse(call.time().isBefore(retryAfter), call.toString());
            }
            assertSame(kit.hosts.host(kit.exchange.baseUrl()), kit.hosts.host(kit.exchange.baseUrl() + "/"),
                    "one host object per host");
        }
    }
}
