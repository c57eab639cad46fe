package bot.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SparklineTest {

    @Test
    void lowestToHighestBlock() {
        assertEquals("▁▅█▁", Sparkline.of(new double[] {0, 5, 10, 0}, 24));
    }

    @Test
    void longSeriesAreSampledAtTheEndOfEachSlice() {
        double[] rising = new double[1000];
        for (int i = 0; i < rising.length; i++) {
            rising[i] = i;
        }
        String line = Sparkline.of(rising, 8);
        assertEquals(8, line.length());
        assertEquals('█', line.charAt(7));
    }

    @Test
    void flatAndEmptySeries() {
        assertEquals("▄▄▄", Sparkline.of(new double[] {2, 2, 2}, 24));
        assertEquals("", Sparkline.of(new double[0], 24));
    }
}
