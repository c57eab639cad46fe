package bot.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SweepAxisTest {

    @Test
    void aRangeIsExactDecimalsWithBothEndsIncluded() {
        SweepAxis axis = SweepAxis.parse("threshold=0.001..0.01:0.001");
        assertEquals("threshold", axis.name());
        assertEquals(10, axis.values().size());
        assertEquals(new BigDecimal("0.003"), axis.values().get(2));
        assertEquals(new BigDecimal("0.010"), axis.values().get(9));
    }

    @Test
    void aListKeepsItsOrderAndDigits() {
        assertEquals(List.of(new BigDecimal("10"), new BigDecimal("20"), new BigDecimal("30.50")),
                SweepAxis.parse("window=10,20,30.50").values());
    }

    @Test
    void everyCombinationFirstAxisSlowest() {
        List<Map<String, String>> combos = SweepAxis.combinations(List.of(SweepAxis.parse("a=1,2"),
                SweepAxis.parse("b=0.1..0.3:0.1")));
        assertEquals(6, combos.size());
        assertEquals(Map.of("a", "1", "b", "0.1"), combos.get(0));
        assertEquals(Map.of("a", "2", "b", "0.3"), combos.get(5));
    }

    @Test
    void badSweepsNameWhatIsWrong() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SweepAxis.parse("window=")).getMessage()
                .contains("window: no values"));
        assertThrows(IllegalArgumentException.class, () -> SweepAxis.parse("window"));
        assertThrows(IllegalArgumentException.class, () -> SweepAxis.parse("window=10,,20"));
        assertThrows(IllegalArgumentException.class, () -> SweepAxis.parse("window=1..5"));
        assertThrows(IllegalArgumentException.class, () -> SweepAxis.parse("window=5..1:1"));
        assertThrows(IllegalArgumentException.class, () -> SweepAxis.parse("window=1..5:0"));
        assertThrows(IllegalArgumentException.class, () -> SweepAxis.parse("window=x,2"));
        assertThrows(IllegalArgumentException.class, () -> SweepAxis.parse("window=0..1000000:1"));
    }
}
