package bot.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.domain.Candle;
import bot.domain.Interval;
import bot.domain.Mode;
import bot.domain.Position;
import bot.risk.Limits;
import bot.risk.RiskSettings;
import bot.risk.Scope;
import bot.testing.AdjustableClock;
import bot.testing.Candles;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Account scopes in the book: their strategies summed, positions and exposure counted, a flatten trip. */
class RiskBookTest {
    private final AdjustableClock clock = new AdjustableClock(Instant.parse("2019-10-11T00:10:00Z"));
    private final RiskBook book = RiskBook.inMemory(clock);

    private RiskBook.Seat seat(long id, String name) {
        RiskBook.Seat seat = book.seat(new StrategyIdentity(id, name, Mode.PAPER, "BTCUSDT", Interval.M1), "main",
                new BigDecimal("100"));
        seat.open(Holding.flat("BTCUSDT"));
        return seat;
    }

    /** Holding 0.002 BTC bought for 100 (fee 0.1 in USDT). */
    private static Holding held() {
        return new Holding(new Position("BTCUSDT", new BigDecimal("0.002"), new BigDecimal("50000")), 1L,
                new BigDecimal("0.002"), new BigDecimal("100"), new BigDecimal("0.1"), new BigDecimal("0.1"),
                Instant.EPOCH);
    }

    private void limits(String... pairs) {
        Map<String, String> values = new java.util.TreeMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        book.apply(new RiskSettings(Map.of(Scope.account("main"), Limits.of(Scope.Kind.ACCOUNT, values)), List.of(),
                Map.of()));
    }

    private static Candle close(String price) {
        return Candles.flat("BTCUSDT", 5, price);
    }

    @Test
    void openPositionsAndExposureAreCountedOverTheAccount() {
        limits("max_open_positions", "1", "max_exposure", "150");
        RiskBook.Seat a = seat(1, "a");
        RiskBook.Seat b = seat(2, "b");
        assertEquals(Optional.empty(), a.entry(new BigDecimal("100")));
        assertEquals("max_open_positions", b.entry(new BigDecimal("100")).orElseThrow().reason(),
                "a's entry is reserved until it is done");
        a.entryDone(held());
        assertEquals("max_open_positions", b.entry(new BigDecimal("10")).orElseThrow().reason());
        limits("max_open_positions", "2", "max_exposure", "150");
        assertEquals(Optional.empty(), b.entry(new BigDecimal("50")), "100 + 50: exactly at the limit");
        b.entryDone(Holding.flat("BTCUSDT"));
        assertEquals("max_exposure", b.entry(new BigDecimal("50.01")).orElseThrow().reason());
    }

    @Test
    void aBookWithFixedLimitsTripsOnTheLimitsItHasAndTakesNoOthers() {
        RiskSettings settings = new RiskSettings(Map.of(Scope.strategy("a"), Limits.of(Scope.Kind.STRATEGY,
                Map.of("max_drawdown", "10USDT"))), List.of(), Map.of());
        RiskBook fixed = RiskBook.withFixedLimits(RiskJournal.NONE, clock, settings);
        RiskBook.Seat a = fixed.seat(new StrategyIdentity(1, "a", Mode.PAPER, "BTCUSDT", Interval.M1), "main",
                new BigDecimal("100"));
        a.open(Holding.flat("BTCUSDT"));
        a.entryDone(held());
        a.mark(close("50000")); // -0.1
        assertEquals(Optional.empty(), a.entry(BigDecimal.ONE));
        a.mark(close("44900")); // 89.8 - 100.1 = -10.3: more than 10 below the peak 0
        assertEquals("max_drawdown", a.entry(BigDecimal.ONE).orElseThrow().reason());
        assertThrows(IllegalStateException.class, () -> fixed.apply(RiskSettings.NONE));
    }

    @Test
    void aBookWithFixedLimitsDecidesAsTheDaemonsBookDoes() {
        Limits accountDrawdown = Limits.of(Scope.Kind.ACCOUNT, Map.of("max_drawdown", "10USDT"));
        Limits dailyLoss = Limits.of(Scope.Kind.STRATEGY, Map.of("daily_loss", "5USDT"));
        for (RiskSettings settings : List.of(
                new RiskSettings(Map.of(Scope.account("main"), accountDrawdown), List.of(), Map.of()),
                new RiskSettings(Map.of(Scope.strategy("a"), dailyLoss), List.of(), Map.of()),
                RiskSettings.NONE)) {
            List<String> daemons = decisions(settings, false);
            List<String> fixed = decisions(settings, true);
            assertEquals(daemons, fixed, settings.toString());
        }
    }

    /** What the entry check says after each close of a held position, over two days. */
    private static List<String> decisions(RiskSettings settings, boolean fixedLimits) {
        AdjustableClock time = new AdjustableClock(Instant.parse("2019-10-11T22:00:00Z"));
        RiskBook riskBook;
        if (fixedLimits) {
            riskBook = RiskBook.withFixedLimits(RiskJournal.NONE, time, settings);
        } else {
            riskBook = RiskBook.inMemory(time);
            riskBook.apply(settings);
        }
        RiskBook.Seat a = riskBook.seat(new StrategyIdentity(1, "a", Mode.PAPER, "BTCUSDT", Interval.M1), "main",
                new BigDecimal("100"));
        a.open(Holding.flat("BTCUSDT"));
        a.entryDone(held());
        List<String> said = new java.util.ArrayList<>();
        for (String price : List.of("50000", "51000", "48000", "49000", "47500", "47000", "46000", "44000")) {
            time.advance(java.time.Duration.ofHours(1)); // the day changes after the second close
            a.mark(close(price));
            said.add(price + " " + a.entry(BigDecimal.ONE).map(RiskBook.Denial::reason).orElse("go"));
            a.entryDone(held());
        }
        assertTrue(said.stream().anyMatch(s -> !s.endsWith("go")) || settings.limits().isEmpty(), said.toString());
        return said;
    }

    @Test
    void anAccountsDrawdownSumsItsStrategiesAndFlattensThemAllOnTrip() {
        limits("max_drawdown", "0.05", "on_trip", "flatten"); // 0.05 x (100 + 100) = 10
        RiskBook.Seat a = seat(1, "a");
        RiskBook.Seat b = seat(2, "b");
        AtomicInteger flattens = new AtomicInteger();
        a.onFlatten(flattens::incrementAndGet);
        b.onFlatten(flattens::incrementAndGet);
        a.entryDone(held());
        b.entryDone(held());
        a.mark(close("50000"));
        b.mark(close("47525"));  // a: -0.1, b: 95.05 - 100.1 = -5.05; together 5.15 below the peak 0
        assertEquals(Optional.empty(), a.entry(BigDecimal.ONE));
        a.mark(close("47550"));  // a: 95.1 - 100.1 = -5; together -10.05: more than 10 below the peak
        assertEquals("max_drawdown", a.entry(BigDecimal.ONE).orElseThrow().reason());
        assertEquals("max_drawdown", b.entry(BigDecimal.ONE).orElseThrow().reason());
        assertEquals(2, flattens.get(), "every strategy of the account is asked to sell, once");
        a.mark(close("47000"));
        assertEquals(2, flattens.get(), "a trip in force does not trip again");
    }

    @Test
    void aResumeSeenInANewReadLiftsTheTripAndRestartsTheDrawdownFromHere() {
        limits("max_drawdown", "10USDT");
        RiskBook.Seat a = seat(1, "a");
        a.entryDone(held());
        a.mark(close("44000")); // 88 - 100.1 = -12.1
        assertTrue(a.entry(BigDecimal.ONE).isPresent());
        Map<Scope, Limits> limits = Map.of(Scope.account("main"), Limits.of(Scope.Kind.ACCOUNT,
                Map.of("max_drawdown", "10USDT")));
        book.apply(new RiskSettings(limits, List.of(), Map.of(Scope.ALL, clock.instant())));
        assertEquals(Optional.empty(), a.entry(BigDecimal.ONE));
        a.entryDone(held());
        a.mark(close("39000")); // 78 - 100.1 = -22.1: exactly 10 below the equity at the resume
        assertEquals(Optional.empty(), a.entry(BigDecimal.ONE));
        a.entryDone(held());
        a.mark(close("38999.5"));
        assertEquals("max_drawdown", a.entry(BigDecimal.ONE).orElseThrow().reason());
    }

    @Test
    void aResumeStampedByAClockBehindTheDaemonsStillLiftsTheTrip() {
        limits("max_drawdown", "10USDT");
        RiskBook.Seat a = seat(1, "a");
        a.entryDone(held());
        a.mark(close("44000")); // tripped now, by this daemon's clock
        assertTrue(a.entry(BigDecimal.ONE).isPresent());
        Map<Scope, Limits> limits = Map.of(Scope.account("main"), Limits.of(Scope.Kind.ACCOUNT,
                Map.of("max_drawdown", "10USDT")));
        // bot resume ran on a host whose clock is a minute behind this daemon's
        book.apply(new RiskSettings(limits, List.of(), Map.of(Scope.ALL, clock.instant().minusSeconds(60))));
        assertEquals(Optional.empty(), a.entry(BigDecimal.ONE), "the resume lifts the trip it was meant for");
    }

    @Test
    void aStrategyThatOpensUnderAFlattenTripOrHaltSellsAtOnceAndAPlainHaltKeepsItsPosition() {
        Map<Scope, Limits> limits = Map.of(Scope.strategy("a"), Limits.of(Scope.Kind.STRATEGY,
                Map.of("max_drawdown", "0.1", "on_trip", "flatten")));
        bot.risk.Block trip = new bot.risk.Block(3, Scope.strategy("a"), "max_drawdown", "test", BigDecimal.TEN,
                BigDecimal.ONE, Instant.EPOCH, null, false);
        bot.risk.Block halt = new bot.risk.Block(4, Scope.strategy("b"), null, "test", null, null, Instant.EPOCH, null,
                false);
        book.apply(new RiskSettings(limits, List.of(trip, halt), Map.of()));
        AtomicInteger flattens = new AtomicInteger();
        for (String name : List.of("a", "b")) {
            RiskBook.Seat seat = book.seat(new StrategyIdentity(name.charAt(0), name, Mode.PAPER, "BTCUSDT", Interval.M1),
                    "main", new BigDecimal("100"));
            seat.onFlatten(() -> flattens.incrementAndGet());
            seat.open(held());
        }
        assertEquals(1, flattens.get(), "a (tripped, on_trip=flatten) sells; b (halted without flatten) keeps its position");
    }
}
