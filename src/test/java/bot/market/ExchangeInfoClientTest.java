package bot.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.domain.SymbolRules;
import bot.rest.RateLimits;
import bot.rest.RestHost;
import bot.rest.RestHosts;
import bot.testing.ExchangeInfoServer;
import bot.testing.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExchangeInfoClientTest {
    private final ExchangeInfoServer exchange = new ExchangeInfoServer();

    @AfterEach
    void stop() {
        exchange.close();
    }

    /** Exact value and scale, as Binance wrote it. */
    private static void assertDecimal(String expected, BigDecimal actual) {
        assertEquals(new BigDecimal(expected), actual);
        assertEquals(expected, actual.toPlainString());
    }

    @Test
    void readsEveryFilterOfBtcusdtExactly() throws InterruptedException {
        SymbolRules rules = ExchangeInfoClient.withShortTimeouts(exchange.url()).rules("BTCUSDT").orElseThrow();
        RecordedRequest request = exchange.takeRequest();
        assertEquals("GET", request.getMethod());
        assertEquals("/api/v3/exchangeInfo?symbol=BTCUSDT", request.getPath());

        assertEquals("BTCUSDT", rules.symbol());
        assertEquals("TRADING", rules.status());
        assertTrue(rules.isTrading());
        assertEquals("BTC", rules.baseAsset());
        assertEquals("USDT", rules.quoteAsset());
        assertDecimal("0.01000000", rules.minPrice());
        assertDecimal("1000000.00000000", rules.maxPrice());
        assertDecimal("0.01000000", rules.tickSize());
        assertDecimal("0.00001000", rules.minQty());
        assertDecimal("9000.00000000", rules.maxQty());
        assertDecimal("0.00001000", rules.stepSize());
        assertDecimal("0.00000000", rules.marketMinQty());
        assertDecimal("112.21108820", rules.marketMaxQty());
        assertDecimal("0.00000000", rules.marketStepSize());
        assertDecimal("10.00000000", rules.minNotional());
        assertTrue(rules.applyMinNotionalToMarket());
        assertEquals(0, rules.maxNotional().signum(), "MIN_NOTIONAL has no maximum: off");
        assertFalse(rules.applyMaxNotionalToMarket());
    }

    @Test
    void readsEthusdtsOwnLotSize() {
        SymbolRules rules = ExchangeInfoClient.withShortTimeouts(exchange.url()).rules("ETHUSDT").orElseThrow();
        assertEquals("ETH", rules.baseAsset());
        assertDecimal("0.00010000", rules.minQty());
        assertDecimal("0.00010000", rules.stepSize());
    }

    @Test
    void allRulesComeFromOneCallWithoutASymbol() throws InterruptedException {
        Map<String, SymbolRules> all = ExchangeInfoClient.withShortTimeouts(exchange.url()).allRules();
        assertEquals(List.of("BTCUSDT", "ETHUSDT"), List.copyOf(all.keySet()));
        assertDecimal("0.00001000", all.get("BTCUSDT").stepSize());
        assertEquals(1, exchange.requestCount());
        assertNull(exchange.takeRequest().getRequestUrl().queryParameter("symbol"));
    }

    @Test
    void unknownSymbolIsEmpty() {
        assertEquals(Optional.empty(), ExchangeInfoClient.withShortTimeouts(exchange.url()).rules("NOPEUSDT"));
    }

    @Test
    void statusOtherThanTradingIsReported() {
        exchange.setStatus("ETHUSDT", "BREAK");
        SymbolRules rules = ExchangeInfoClient.withShortTimeouts(exchange.url()).rules("ETHUSDT").orElseThrow();
        assertEquals("BREAK", rules.status());
        assertFalse(rules.isTrading());
    }

    @Test
    void notionalFilterWinsOverTheOlderMinNotional() throws IOException {
        String body = TestData.text("exchange-info-2021.json").replaceFirst(
                "\\{\\s*\"filterType\": \"ICEBERG_PARTS\"",
                "{\"filterType\":\"NOTIONAL\",\"minNotional\":\"5.00000000\",\"applyMinToMarket\":false,"
                        + "\"maxNotional\":\"9000000.00000000\",\"applyMaxToMarket\":true,\"avgPriceMins\":5},"
                        + "{\"filterType\": \"ICEBERG_PARTS\"");
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse().setBody(body));
            SymbolRules rules = ExchangeInfoClient.withShortTimeouts(server.url("/").toString()).rules("BTCUSDT")
                    .orElseThrow();
            assertDecimal("5.00000000", rules.minNotional());
            assertFalse(rules.applyMinNotionalToMarket());
            assertDecimal("9000000.00000000", rules.maxNotional());
            assertTrue(rules.applyMaxNotionalToMarket());
        }
    }

    /** The failure rules("BTCUSDT") meets when the exchange answers {@code response}. */
    private static UncheckedIOException failureFor(MockResponse response) throws IOException {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(response);
            return assertThrows(UncheckedIOException.class,
                    () -> ExchangeInfoClient.withShortTimeouts(server.url("/").toString()).rules("BTCUSDT"));
        }
    }

    @Test
    void anAnswerTeachesTheHostsBudgetBinancesRateLimits() throws IOException {
        RestHost host = RestHosts.standard(Clock.systemUTC()).host(exchange.url());
        assertFalse(host.budget().hasExchangeLimits());
        assertTrue(new ExchangeInfoClient(host).learnRateLimits("BTCUSDT"));
        assertEquals(new RateLimits(1200, 50, 160_000), host.budget().limits());
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        RestHost unreachable = RestHosts.standard(Clock.systemUTC()).host("http://127.0.0.1:" + port);
        assertFalse(new ExchangeInfoClient(unreachable).learnRateLimits("BTCUSDT"), "the defaults stay");
        assertEquals(RateLimits.DEFAULTS, unreachable.budget().limits());
    }

    @Test
    void serverErrorIsAnUncheckedIoException() throws IOException {
        UncheckedIOException e = failureFor(new MockResponse().setResponseCode(503).setBody("Service Unavailable"));
        assertTrue(e.getMessage().contains("HTTP 503"), e.getMessage());
    }

    @Test
    void otherBinanceErrorIsNotMistakenForAnUnknownSymbol() throws IOException {
        UncheckedIOException e = failureFor(new MockResponse().setResponseCode(429)
                .setBody("{\"code\":-1003,\"msg\":\"Too much request weight used.\"}"));
        assertTrue(e.getMessage().contains("HTTP 429 (-1003 Too much request weight used.)"), e.getMessage());
    }

    @Test
    void unreadableBodyIsAnUncheckedIoException() throws IOException {
        UncheckedIOException e = failureFor(new MockResponse().setBody("<html>maintenance</html>"));
        assertTrue(e.getMessage().contains("exchangeInfo is not JSON"), e.getMessage());
    }

    @Test
    void unreachableExchangeIsAnUncheckedIoException() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> ExchangeInfoClient.withShortTimeouts("http://127.0.0.1:" + port).rules("BTCUSDT"));
        assertTrue(e.getMessage().startsWith("cannot reach http://127.0.0.1:" + port), e.getMessage());
    }
}
