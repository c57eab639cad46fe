package bot.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.domain.ClosedTrade;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each limit on hand-made equity paths, with the exact boundary: more than the limit trips, at it does not. */
class EquityWatchTest {
    private static final Scope S = Scope.strategy("s");
    private static final BigDecimal CAPITAL = new BigDecimal("100");
    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    private static Limits limits(String... pairs) {
        Map<String, String> values = new java.util.TreeMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return Limits.of(Scope.Kind.STRATEGY, values);
    }

    private static List<Trip> mark(EquityWatch watch, Limits limits, String equity, Instant at) {
        return watch.mark(S, limits, new BigDecimal(equity), CAPITAL, at);
    }

    @Test
    void drawdownExactlyAtAFractionalLimitDoesNotTripAndOneUnitMoreDoes() {
        Limits l = limits("max_drawdown", "0.1"); // 0.1 x 100 = 10 from the peak
        EquityWatch watch = EquityWatch.fresh(T0);
        assertEquals(List.of(), mark(watch, l, "5", T0));          // peak 5
        assertEquals(List.of(), mark(watch, l, "-5", T0));         // 10 below: exactly at the limit
        List<Trip> trips = mark(watch, l, "-5.00000001", T0);       // more than 10 below
        assertEquals(1, trips.size());
        Trip trip = trips.get(0);
        assertEquals(LimitKey.MAX_DRAWDOWN, trip.limit());
        assertEquals(0, new BigDecimal("10.00000001").compareTo(trip.value()));
        assertEquals(0, new BigDecimal("10").compareTo(trip.threshold()));
        assertEquals(null, trip.until(), "until bot resume");
    }

    @Test
    void drawdownAgainstAnAmountAndTheNewPeakAfterAResume() {
        Limits l = limits("max_drawdown", "50USDT");
        EquityWatch watch = EquityWatch.fresh(T0);
        mark(watch, l, "20", T0);
        assertEquals(List.of(), mark(watch, l, "-30", T0));
        assertEquals(1, mark(watch, l, "-30.01", T0).size());
        watch.resume(new BigDecimal("-30.01"));
        assertEquals(List.of(), mark(watch, l, "-80.01", T0), "50 below the equity at the resume: at the limit");
        assertEquals(1, mark(watch, l, "-80.02", T0).size());
    }

    @Test
    void dailyLossCountsFromTheDaysStartAndResetsAtMidnightUtc() {
        Limits l = limits("daily_loss", "0.05"); // 5 per day
        Instant evening = Instant.parse("2026-11-20T23:59:00Z");
        EquityWatch watch = EquityWatch.fresh(evening);
        assertEquals(List.of(), mark(watch, l, "100", evening));    // the day's first mark: its baseline
        assertEquals(List.of(), mark(watch, l, "95", evening.plusSeconds(30)));   // exactly 5 lost
        List<Trip> trips = mark(watch, l, "94.99", evening.plusSeconds(50));
        assertEquals(1, trips.size());
        assertEquals(LimitKey.DAILY_LOSS, trips.get(0).limit());
        assertEquals(Instant.parse("2026-11-21T00:00:00Z"), trips.get(0).until(), "no entries until the next UTC day");
        Instant midnight = Instant.parse("2026-11-21T00:00:00Z");
        assertEquals(List.of(), mark(watch, l, "94.99", midnight), "a new day: its baseline is where equity stands");
        assertEquals(List.of(), mark(watch, l, "89.99", midnight.plusSeconds(60)));
        assertEquals(1, mark(watch, l, "89.98", midnight.plusSeconds(120)).size());
    }

    @Test
    void todaysRoundTripsCountInTheDailyLossAfterARestart() {
        Instant now = Instant.parse("2026-11-21T12:00:00Z");
        List<ClosedTrade> past = List.of(new ClosedTrade(new BigDecimal("-3"), Instant.parse("2026-11-20T08:00:00Z")),
                new ClosedTrade(new BigDecimal("-4"), Instant.parse("2026-11-21T08:00:00Z")));
        EquityWatch watch = EquityWatch.rebuild(past, null, now);
        Limits l = limits("daily_loss", "5USDT");
        assertEquals(List.of(), mark(watch, l, "-7", now), "4 lost today so far");
        assertEquals(List.of(), mark(watch, l, "-8", now));
        assertEquals(1, mark(watch, l, "-8.5", now).size(), "5.5 lost today");
    }

    @Test
    void losingRoundTripsInARowStopEntriesForTheCooldown() {
        Limits l = limits("max_losses_in_row", "3", "cooldown", "30m");
        EquityWatch watch = EquityWatch.fresh(T0);
        assertEquals(List.of(), watch.closed(S, l, new ClosedTrade(new BigDecimal("-1"), T0), T0));
        assertEquals(List.of(), watch.closed(S, l, new ClosedTrade(new BigDecimal("-1"), T0), T0));
        assertEquals(List.of(), watch.closed(S, l, new ClosedTrade(BigDecimal.ZERO, T0), T0), "breakeven ends a streak");
        assertEquals(List.of(), watch.closed(S, l, new ClosedTrade(new BigDecimal("-1"), T0), T0));
        assertEquals(List.of(), watch.closed(S, l, new ClosedTrade(new BigDecimal("-2"), T0), T0));
        List<Trip> trips = watch.closed(S, l, new ClosedTrade(new BigDecimal("-0.01"), T0), T0);
        assertEquals(1, trips.size());
        assertEquals(T0.plus(Duration.ofMinutes(30)), trips.get(0).until());
        assertEquals(0, watch.lossesInRow(), "the streak starts again after a trip");
    }

    @Test
    void theRebuiltPeakCountsFromTheLastResume() {
        Instant resume = Instant.parse("2026-11-20T12:00:00Z");
        List<ClosedTrade> past = List.of(new ClosedTrade(new BigDecimal("30"), Instant.parse("2026-11-20T09:00:00Z")),
                new ClosedTrade(new BigDecimal("-40"), Instant.parse("2026-11-20T11:00:00Z")),
                new ClosedTrade(new BigDecimal("5"), Instant.parse("2026-11-20T13:00:00Z")));
        assertEquals(0, new BigDecimal("30").compareTo(EquityWatch.rebuild(past, null, T0).peak()));
        assertEquals(0, new BigDecimal("-5").compareTo(EquityWatch.rebuild(past, resume, T0).peak()),
                "from -10 at the resume up to -5");
    }

    @Test
    void limitsAreCheckedKeyByKey() {
        assertEquals("0.1", LimitKey.MAX_DRAWDOWN.canonical("0.1"));
        assertEquals("50USDT", LimitKey.DAILY_LOSS.canonical("50USDT"));
        assertEquals("flatten", LimitKey.ON_TRIP.canonical("flatten"));
        assertThrowsStarting("unknown key 'max_dd'", () -> Limits.of(Scope.Kind.STRATEGY, Map.of("max_dd", "1")));
        assertThrowsStarting("max_drawdown: ", () -> Limits.of(Scope.Kind.STRATEGY, Map.of("max_drawdown", "1.5")));
        assertThrowsStarting("max_drawdown: ", () -> Limits.of(Scope.Kind.STRATEGY, Map.of("max_drawdown", "-1")));
        assertThrowsStarting("cooldown: ", () -> Limits.of(Scope.Kind.STRATEGY, Map.of("max_losses_in_row", "3",
                "cooldown", "30 minutes")));
        assertThrowsStarting("max_losses_in_row: needs a cooldown",
                () -> Limits.of(Scope.Kind.STRATEGY, Map.of("max_losses_in_row", "3")));
        assertThrowsStarting("max_open_positions: is set on an account only",
                () -> Limits.of(Scope.Kind.STRATEGY, Map.of("max_open_positions", "2")));
        Limits account = Limits.of(Scope.Kind.ACCOUNT, Map.of("max_open_positions", "2", "max_exposure", "500USDT"));
        assertEquals(2, account.maxOpenPositions());
        assertEquals(0, new BigDecimal("500").compareTo(account.maxExposure()));
        assertEquals(OnTrip.HALT, account.onTrip());
    }

    private static void assertThrowsStarting(String prefix, Runnable call) {
        try {
            call.run();
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
            return;
        }
        throw new AssertionError("no refusal, expected: " + prefix);
    }
}
