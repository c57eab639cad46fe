package bot.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class DailyRatiosTest {

    @Test
    void sharpeIsMeanOverSampleDeviationTimesRootOf365() {
        // mean 0.01, sample sd sqrt((0.01^2 + 0.01^2) / 1) = 0.014142: 0.7071 x 19.1050 = 13.5093
        assertEquals(new BigDecimal("13.5093"), DailyRatios.sharpe(new double[] {0.02, 0.0}));
    }

    @Test
    void sortinoCountsOnlyTheLosingDays() {
        // mean 0.005, downside deviation sqrt(0.01^2 / 2) = 0.0070711: 0.7071 x 19.1050 = 13.5093
        assertEquals(new BigDecimal("13.5093"), DailyRatios.sortino(new double[] {0.02, -0.01}));
    }

    @Test
    void undefinedRatiosAreNullNotZeroOrInfinity() {
        assertNull(DailyRatios.sharpe(new double[] {0.05}));          // one day
        assertNull(DailyRatios.sortino(new double[] {0.05}));
        assertNull(DailyRatios.sharpe(new double[] {0.01, 0.01}));    // no variation
        assertNull(DailyRatios.sortino(new double[] {0.01, 0.02}));   // no losing day
        assertNull(DailyRatios.sharpe(new double[0]));
    }
}
