package bot.strategy.kinds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.strategy.ParameterSpec;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RsiTest {
    private static final Map<String, String> PARAMS = Map.of("order_value", "100", "period", "2");

    @Test
    void wilderRsiByHand() {
        WilderRsi rsi = new WilderRsi(2);
        rsi.add(new BigDecimal("10"));
        rsi.add(new BigDecimal("11"));
        assertFalse(rsi.ready());
        rsi.add(new BigDecimal("10")); // changes +1, -1: averages 0.5 and 0.5
        assertTrue(rsi.ready());
        assertEquals(50.0, rsi.value(), 1e-12);
        rsi.add(new BigDecimal("9")); // gain (0.5 + 0) / 2 = 0.25, loss (0.5 + 1) / 2 = 0.75
        assertEquals(25.0, rsi.value(), 1e-12);
        rsi.add(new BigDecimal("12")); // gain (0.25 + 3) / 2 = 1.625, loss 0.375
        assertEquals(100 - 100 / (1 + 1.625 / 0.375), rsi.value(), 1e-12);
    }

    @Test
    void buysWhenRsiFallsBelowBuyBelow() {
        KindFixture f = new KindFixture(new RsiKind(), PARAMS);
        assertEquals(List.of(), f.closes("10", "11", "10")); // RSI 50
        assertEquals(List.of("BUY 100"), f.closes("9")); // RSI 25 < 40
    }

    @Test
    void rsiAtBuyBelowExactlyDoesNotBuy() {
        KindFixture f = new KindFixture(new RsiKind(), Map.of("order_value", "100", "period", "2", "buy_below", "50"));
        assertEquals(List.of(), f.closes("10", "11", "10")); // RSI exactly 50
    }

    @Test
    void sellsWhenRsiRisesAboveSellAbove() {
        KindFixture f = new KindFixture(new RsiKind(), PARAMS);
        f.closes("10", "11", "10", "9"); // RSI 25
        f.context.hold("1", "9");
        assertEquals(List.of(), f.closes("9.1")); // RSI still low, no exit reached
        KindFixture g = new KindFixture(new RsiKind(), PARAMS);
        g.closes("10", "11", "10", "9");
        g.context.hold("1", "100"); // far from take profit and stop
        assertEquals(List.of("SELL"), g.closes("12")); // RSI ~81 > 60
    }

    @Test
    void takeProfitAndStopAreExact() {
        KindFixture f = new KindFixture(new RsiKind(), PARAMS);
        f.context.hold("1", "100");
        assertEquals(List.of(), f.closes("101.99999999"));
        assertEquals(List.of("SELL"), f.closes("102")); // 100 x (1 + 0.02)
        KindFixture g = new KindFixture(new RsiKind(), PARAMS);
        g.context.hold("1", "100");
        assertEquals(List.of(), g.closes("97.00000001"));
        assertEquals(List.of("SELL"), g.closes("97")); // 100 x (1 - 0.03), rsi's default stop
    }

    @Test
    void noTradeOnWarmUp() {
        KindFixture f = new KindFixture(new RsiKind(), PARAMS);
        f.context.warmingUp = true;
        assertEquals(List.of(), f.closes("10", "11", "10", "9"));
        assertEquals(21, f.strategy.warmupCandles());
    }

    @Test
    void declaresItsDefaultsOnTopOfTheCommonOnes() {
        Map<String, BigDecimal> values = new RsiKind().validate(Map.of("order_value", "100")).asMap();
        assertEquals(0, new BigDecimal("0.03").compareTo(values.get("stop_loss")));
        assertEquals(0, new BigDecimal("0.02").compareTo(values.get("take_profit")));
        assertEquals(14, values.get("period").intValue());
        assertEquals(0, new BigDecimal("40").compareTo(values.get("buy_below")));
        assertEquals(0, new BigDecimal("60").compareTo(values.get("sell_above")));
        assertEquals(0, new BigDecimal("0.002").compareTo(values.get("min_profit")));
        List<String> names = new RsiKind().parameters().stream().map(ParameterSpec::name).toList();
        assertEquals(names.size(), names.stream().distinct().count());
    }
}
