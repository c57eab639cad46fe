package bot.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EquityCurveTest {
    private static final Instant ORIGIN = Instant.parse("2024-03-01T00:00:00Z");

    @Test
    void theLargestFallIsKeptNotTheLatest() {
        EquityCurve curve = curve("5", "-3", "4", "-2", "-1");
        // equity 5, 2, 6, 4, 3: falls 3 (5 -> 2) and 3 (6 -> 3); the first of equal falls is kept
        Drawdown dd = curve.drawdown(ORIGIN, new BigDecimal("100"));
        assertEquals(new BigDecimal("3"), dd.amount());
        assertEquals(new BigDecimal("2.86"), dd.percent()); // 3 / (100 + 5)
        assertEquals(at(1), dd.start());
        assertEquals(at(2), dd.end());
    }

    @Test
    void aFallFromTheStartBeginsAtTheOrigin() {
        Drawdown dd = curve("-2", "-3", "1").drawdown(ORIGIN, new BigDecimal("50"));
        assertEquals(new BigDecimal("5"), dd.amount());
        assertEquals(ORIGIN, dd.start());
        assertEquals(at(2), dd.end());
        assertEquals(new BigDecimal("10.00"), dd.percent());
    }

    @Test
    void noPercentWithoutAPositiveBase() {
        assertNull(curve("-2").drawdown(ORIGIN, null).percent());
        assertNull(new EquityCurve().drawdown(ORIGIN, BigDecimal.TEN));
    }

    @Test
    void dailyReturnsIncludeTheQuietDaysBetween() {
        EquityCurve curve = new EquityCurve();
        curve.add(Instant.parse("2024-03-01T23:59:59Z"), new BigDecimal("2"));
        curve.add(Instant.parse("2024-03-02T00:00:00Z"), new BigDecimal("-1"));
        curve.add(Instant.parse("2024-03-02T10:00:00Z"), new BigDecimal("-1"));
        curve.add(Instant.parse("2024-03-04T10:00:00Z"), new BigDecimal("4"));
        assertArrayEquals(new double[] {0.2, -0.2, 0, 0.4}, curve.dailyReturns(BigDecimal.TEN), 1e-12);
    }

    @Test
    void pointsStayFewAndEndAtTheLastEquity() {
        EquityCurve curve = new EquityCurve();
        for (int i = 1; i <= 100_000; i++) {
            curve.add(ORIGIN.plusSeconds(i), BigDecimal.ONE);
        }
        double[] points = curve.points();
        assertEquals(0, points[0]);
        assertEquals(100_000, points[points.length - 1]);
        assertEquals(true, points.length <= 1025, "points: " + points.length);
        for (int i = 1; i < points.length; i++) {
            assertEquals(true, points[i] > points[i - 1]);
        }
    }

    @Test
    void tradesMustComeInCloseOrder() {
        EquityCurve curve = curve("1");
        assertThrows(IllegalArgumentException.class, () -> curve.add(ORIGIN, BigDecimal.ONE));
    }

    private static EquityCurve curve(String... pnls) {
        EquityCurve curve = new EquityCurve();
        for (int i = 0; i < pnls.length; i++) {
            curve.add(at(i + 1), new BigDecimal(pnls[i]));
        }
        return curve;
    }

    private static Instant at(int hour) {
        return ORIGIN.plusSeconds(3600L * hour);
    }
}
