package bot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.domain.Candle;
import bot.domain.CandleSeries;
import bot.domain.Interval;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** COPY text rows parsed into a series: exact whatever the reads' sizes, and every malformed row refused. */
class CopyRowsTest {
    private static final String HUGE = "9".repeat(70_000) + ".5"; // one row longer than the 64 KiB buffer

    @Test
    void rowsComeBackExactlyReadOneByteAtATimeOrAllAtOnce() throws IOException {
        String text = "1\t59999\t5.23300000\t-1.5\t0\t0.00000000\t" + HUGE + "\t12345678901234567890.12\t-9223372036854775808\n"
                + "60000\t119999\t100\t0.00000001\t7.10\t9223372036854775807\t35462.8\t1\t9223372036854775807\n";
        for (int chunk : new int[] {1, 7, 1 << 20}) {
            List<Candle> read = read(text, chunk);
            assertEquals(2, read.size());
            Candle first = read.get(0);
            assertEquals(1, first.openTime());
            assertEquals(59_999, first.closeTime());
            assertEquals(new BigDecimal("5.23300000"), first.open());
            assertEquals(new BigDecimal("-1.5"), first.high());
            assertEquals(new BigDecimal("0"), first.low());
            assertEquals(new BigDecimal("0.00000000"), first.close());
            assertEquals(new BigDecimal(HUGE), first.volume());
            assertEquals(new BigDecimal("12345678901234567890.12"), first.quoteVolume());
            assertEquals(Long.MIN_VALUE, first.trades());
            Candle second = read.get(1);
            assertEquals(new BigDecimal("7.10"), second.low());
            assertEquals(new BigDecimal("9223372036854775807"), second.close());
            assertEquals(Long.MAX_VALUE, second.trades());
        }
    }

    @Test
    void aMalformedRowIsRefusedWithWhatIsWrong() {
        String good = "1\t2\t3\t4\t5\t6\t7\t8\t9";
        assertRefused(good.replace("\t3\t", "\tNaN\t") + "\n", "not a numeric: NaN");
        assertRefused(good.replace("\t3\t", "\t\t") + "\n", "not a numeric");
        assertRefused(good.replace("1\t", "x\t") + "\n", "not an integer: x");
        assertRefused(good.replace("\t9", "\t99999999999999999999") + "\n", "not an integer");
        assertRefused("1\t2\t3\t4\t5\t6\t7\t8\n", "fewer fields");
        assertRefused(good + "\t10\n" + good + "\n", "more fields");
        assertRefused(good, "ended inside a row");
    }

    private static void assertRefused(String text, String why) {
        DatabaseException e = assertThrows(DatabaseException.class, () -> read(text, 3));
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }

    private static List<Candle> read(String text, int chunk) throws IOException {
        CandleSeries.Builder series = CandleSeries.builder("FILUSDT", Interval.M1, 1);
        try (CopyRows rows = new CopyRows(new Trickle(text.getBytes(StandardCharsets.US_ASCII), chunk))) {
            while (rows.next()) {
                series.startRow(rows.int8(), rows.int8());
                for (int column = CandleSeries.OPEN; column <= CandleSeries.QUOTE_VOLUME; column++) {
                    rows.numeric(series, column);
                }
                series.endRow(rows.int8());
            }
        }
        return series.build();
    }

    /** Hands out at most {@code chunk} bytes a read, as a socket may. */
    private static final class Trickle extends ByteArrayInputStream {
        private final int chunk;

        Trickle(byte[] bytes, int chunk) {
            super(bytes);
            this.chunk = chunk;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, chunk));
        }
    }
}
