package bot.strategy.kinds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bot.strategy.InvalidParameterException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MeanReversionTest {
    private static final Map<String, String> PARAMS = Map.of("order_value", "100", "window", "3", "threshold", "0.01");

    @Test
    void closeExactlyAtTheThresholdDoesNotBuy() {
        // 99 x 3 = 297 = (100 + 101 + 99) x 0.99: not strictly below
        assertEquals(List.of(), new KindFixture(new MeanReversionKind(), PARAMS).closes("100", "101", "99"));
    }

    @Test
    void closeJustBelowTheThresholdBuysTheOrderValue() {
        assertEquals(List.of("BUY 100"), new KindFixture(new MeanReversionKind(), PARAMS).closes("100", "101", "98.99999999"));
    }

    @Test
    void noDecisionBeforeWindowClosesAndNoneOnWarmUp() {
        KindFixture f = new KindFixture(new MeanReversionKind(), PARAMS);
        assertEquals(List.of(), f.closes("100", "50")); // only two closes
        KindFixture warm = new KindFixture(new MeanReversionKind(), PARAMS);
        warm.context.warmingUp = true;
        assertEquals(List.of(), warm.closes("100", "101", "50"));
        assertEquals(3, warm.strategy.warmupCandles());
    }

    @Test
    void priceBandBlocksEntries() {
        KindFixture f = new KindFixture(new MeanReversionKind(), Map.of("order_value", "100", "window", "3",
                "threshold", "0.01", "min_price", "90"));
        assertEquals(List.of(), f.closes("100", "101", "89"));
        KindFixture g = new KindFixture(new MeanReversionKind(), Map.of("order_value", "100", "window", "3",
                "threshold", "0.01", "max_price", "80"));
        assertEquals(List.of(), g.closes("100", "101", "85"));
    }

    @Test
    void profitExitExactlyAtEntryTimesOnePlusMinProfitPlusTwoFees() {
        // defaults min_profit 0.002, fee_pct 0.001: target 99 x 1.004 = 99.396
        KindFixture f = new KindFixture(new MeanReversionKind(), PARAMS);
        f.context.hold("1", "99");
        assertEquals(List.of(), f.closes("99.39599999"));
        assertEquals(List.of("SELL"), f.closes("99.396"));
    }

    @Test
    void stopExitExactlyAtEntryTimesOneMinusStopLoss() {
        KindFixture f = new KindFixture(new MeanReversionKind(), Map.of("order_value", "100", "stop_loss", "0.02"));
        f.context.hold("1", "99");
        assertEquals(List.of(), f.closes("97.02000001"));
        assertEquals(List.of("SELL"), f.closes("97.02"));
    }

    @Test
    void withoutStopLossALosingPositionIsHeld() {
        KindFixture f = new KindFixture(new MeanReversionKind(), PARAMS);
        f.context.hold("1", "99");
        assertEquals(List.of(), f.closes("1"));
    }

    @Test
    void parametersAreValidated() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> new MeanReversionKind().validate(Map.of("order_value", "100", "window", "1")));
        assertEquals("window", e.parameter());
        assertEquals("order_value", assertThrows(InvalidParameterException.class,
                () -> new MeanReversionKind().validate(Map.of())).parameter());
    }
}
