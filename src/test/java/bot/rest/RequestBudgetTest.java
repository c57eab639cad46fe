package bot.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.json.Json;
import bot.testing.AdjustableClock;
import bot.testing.TestData;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;

/** The budget of one host on a fake clock: windows, Retry-After, the server's count, and the jitter. */
class RequestBudgetTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final AdjustableClock clock = new AdjustableClock(START);
    private final List<Duration> waits = new ArrayList<>();

    private RequestBudget budget(Duration spread) {
        return new RequestBudget("api.binance.com", clock, duration -> {
            waits.add(duration);
            clock.advance(duration);
        }, Duration.ofMinutes(5), spread, new SplittableRandom(1));
    }

    @Test
    void aBanLongerThanTheLongestWaitSendsNothing() {
        RequestBudget budget = budget(Duration.ZERO);
        budget.backOff(418, Duration.ofHours(2));
        assertThrows(RequestNotSentException.class, () -> budget.acquire(1, true));
        assertEquals(START, clock.instant(), "gave up at once, without waiting");
    }

    @Test
    void theOrderLimitWaitsForTheNextWindow() throws Exception {
        RequestBudget budget = budget(Duration.ZERO);
        budget.apply(RateLimits.fromExchangeInfo(Json.MAPPER.readTree(TestData.text("exchange-info-2021.json"))));
        assertEquals(new RateLimits(1200, 50, 160_000), budget.limits());
        for (int i = 0; i < 50; i++) {
            budget.acquire(1, true);
        }
        assertEquals(START, clock.instant());
        budget.acquire(1, true);
        assertEquals(START.plusSeconds(10), clock.instant());
    }

    @Test
    void theWeightTheServerCountedWinsOverOurs() throws Exception {
        RequestBudget budget = budget(Duration.ZERO);
        budget.observeUsedWeight(1075); // another process behind the same IP
        budget.acquire(5, false);
        assertEquals(START, clock.instant(), "1080 of 1200: the tenth in reserve is untouched");
        budget.acquire(1, false);
        assertEquals(START.plusSeconds(60), clock.instant(), "the next request waits for the next minute");
    }

    @Test
    void waitersWakeSpreadOverTheSpreadNeverBeforeTheyMayGo() throws Exception {
        RequestBudget budget = budget(Duration.ofSeconds(5));
        for (int i = 0; i < 20; i++) {
            clock.set(START);
            budget.backOff(429, Duration.ofSeconds(30));
            budget.acquire(1, false);
        }
        assertEquals(20, waits.size());
        for (Duration wait : waits) {
            assertTrue(wait.compareTo(Duration.ofSeconds(30)) >= 0 && wait.compareTo(Duration.ofSeconds(35)) < 0,
                    wait.toString());
        }
        assertTrue(waits.stream().distinct().count() >= 15, "spread, not one instant: " + waits);
    }

    @Test
    void aHostReadsTheUsedWeightAndStopsForA418sRetryAfter() throws IOException {
        RequestBudget budget = budget(Duration.ZERO);
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse().setResponseCode(418).setHeader("Retry-After", "120")
                    .setHeader(RestHost.USED_WEIGHT_HEADER, "7").setBody("{\"code\":-1003,\"msg\":\"IP banned\"}"));
            server.enqueue(new MockResponse().setHeader(RestHost.USED_WEIGHT_HEADER, "1080").setBody("{}"));
            RestHost host = new RestHost(new OkHttpClient(), server.url("/"), budget);
            RestAnswer banned = host.get("api/v3/time", RestWeights.TIME);
            assertTrue(banned.rateLimited());
            assertEquals(START.plusSeconds(120), budget.blockedUntil());
            assertEquals(200, host.get("api/v3/time", RestWeights.TIME).status());
            assertEquals(List.of(Duration.ofSeconds(120)), waits, "the second request waited for the ban to end");
            host.budget().acquire(1, false);
            assertEquals(START.plusSeconds(180), clock.instant(), "1080 + 1 > 1080: the server's count was kept");
        }
        assertEquals(RestHost.DEFAULT_RETRY_AFTER, RestHost.retryAfter("soon"));
    }
}
