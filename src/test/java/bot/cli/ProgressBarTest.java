package bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    @Test
    void theLineShowsShareCountRateAndTimeLeft() {
        assertEquals("[############............]  50%  5,000/10,000 candles  2,500/s  2s left",
                ProgressBar.line(5_000, 10_000, Duration.ofSeconds(2), "candles"));
        assertEquals("[#.......................]   3%  1,000/30,000 candles  10/s  48m 20s left",
                ProgressBar.line(1_000, 30_000, Duration.ofSeconds(100), "candles"));
        assertEquals("[........................]   0%  0/2,000,000 candles  0/s",
                ProgressBar.line(0, 2_000_000, Duration.ZERO, "candles"));
        assertEquals("[########################] 100%  7/7 candles  7/s  0s left",
                ProgressBar.line(7, 7, Duration.ofSeconds(1), "candles"));
        assertEquals("2h 05m", ProgressBar.duration(7_500));
    }
}
