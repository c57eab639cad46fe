package bot.execution.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.testing.AdjustableClock;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;

/** How answers are told apart: rejections, unknown outcomes, rate limits. */
class ResponseReaderTest {
    private final AdjustableClock clock = new AdjustableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final RequestBudget budget = new RequestBudget("api.binance.com", clock, clock::advance, Duration.ofMinutes(1));
    private final ResponseReader reader = new ResponseReader(new ObjectMapper(), budget);

    @Test
    void anErrorBodyIsARejectionWithItsCodeAndMessage() {
        BinanceRejectedException e = assertThrows(BinanceRejectedException.class,
                () -> reader.read(response(400, "{\"code\":-1013,\"msg\":\"Filter failure: LOT_SIZE\"}", null)));
        assertEquals(new BinanceError(400, -1013, "Filter failure: LOT_SIZE"), e.error());
    }

    @Test
    void executionStatusUnknownCodesAreUnknownWhateverTheStatus() {
        for (int code : new int[] {-1006, -1007}) {
            BinanceUnavailableException e = assertThrows(BinanceUnavailableException.class,
                    () -> reader.read(response(400, "{\"code\":" + code + ",\"msg\":\"status unknown\"}", null)));
            assertTrue(e.sent());
        }
        assertThrows(BinanceUnavailableException.class, () -> reader.read(response(504, "<html>Gateway Timeout</html>", null)));
        assertThrows(BinanceUnavailableException.class, () -> reader.read(response(200, "{\"orderId\":", null)));
    }

    @Test
    void aWafPageIsARejectionWithThePageAsMessage() {
        BinanceRejectedException e = assertThrows(BinanceRejectedException.class,
                () -> reader.read(response(403, "<html>Forbidden</html>", null)));
        assertEquals(0, e.code());
        assertEquals("<html>Forbidden</html>", e.error().msg());
    }

    @Test
    void a418StopsTheHostForRetryAfterAndTheUsedWeightIsRead() throws Exception {
        BinanceUnavailableException e = assertThrows(BinanceUnavailableException.class,
                () -> reader.read(response(418, "{\"code\":-1003,\"msg\":\"IP banned\"}", "120")));
        assertEquals(clock.instant().plusSeconds(120), budget.blockedUntil());
        reader.read(response(200, "{}", null));
        assertEquals(ResponseReader.DEFAULT_RETRY_AFTER, ResponseReader.retryAfter("soon"));
    }

    @Test
    void aBanLongerThanTheLongestWaitSendsNothing() {
        budget.backOff(418, Duration.ofHours(2));
        BinanceUnavailableException e = assertThrows(BinanceUnavailableException.class, () -> budget.acquire(1, true));
        assertFalse(e.sent());
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), clock.instant(), "gave up at once, without waiting");
    }

    @Test
    void theOrderLimitWaitsForTheNextWindow() {
        budget.apply(RateLimits.fromExchangeInfo(json(bot.testing.TestData.text("exchange-info-2021.json"))));
        assertEquals(new RateLimits(1200, 50, 160_000), budget.limits());
        for (int i = 0; i < 50; i++) {
            budget.acquire(1, true);
        }
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), clock.instant());
        budget.acquire(1, true);
        assertEquals(Instant.parse("2026-01-01T00:00:10Z"), clock.instant());
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Response response(int code, String body, String retryAfter) {
        Response.Builder builder = new Response.Builder()
                .request(new Request.Builder().url("https://api.binance.com/api/v3/order").build())
                .protocol(Protocol.HTTP_1_1).code(code).message("status")
                .header("X-MBX-USED-WEIGHT-1M", "7")
                .body(ResponseBody.create(body, MediaType.get("application/json")));
        if (retryAfter != null) {
            builder.header("Retry-After", retryAfter);
        }
        return builder.build();
    }
}
