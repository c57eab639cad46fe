package bot.market;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.domain.Interval;
import bot.testing.BinanceVision;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class KlineCsvTest {
    private static final List<String> FEB = BinanceVision.lines("FILUSDT-1m-2023-02.zip");

    private static byte[] csv(List<String> lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String copyText(KlineCsv.Rows rows) {
        return new String(Arrays.copyOf(rows.text(), rows.length()), StandardCharsets.UTF_8);
    }

    @Test
    void aRealFuturesMonthHasAHeaderMillisecondsAndEveryRowPassedOnAsWritten() throws Exception {
        KlineCsv.Rows rows = KlineCsv.parse(KlineFiles.csv(BinanceVision.file("FILUSDT-1m-2023-02.zip")), Interval.M1);
        assertEquals(40_320, rows.count());
        assertTrue(rows.header());
        assertFalse(rows.micros());
        assertEquals(1_675_209_600_000L, rows.firstOpen());
        assertEquals(1_677_628_740_000L, rows.lastOpen());
        String[] lines = copyText(rows).split("\n");
        assertEquals(40_320, lines.length);
        // open_time,open,high,low,close,volume,close_time,quote_volume,count,...: decimals exactly as the file has them
        assertEquals("1675209600000\t1675209659999\t5.233\t5.238\t5.229\t5.233\t35462.8\t185580.3531\t403", lines[0]);
    }

    @Test
    void aSpotFileWithoutHeaderInMicrosecondsGivesTheSameRows() throws Exception {
        List<String> futures = new ArrayList<>(FEB.subList(0, 101));
        List<String> spot = new ArrayList<>();
        for (String line : futures.subList(1, futures.size())) {
            spot.add(BinanceVision.asSpotMicros(line));
        }
        KlineCsv.Rows fromFutures = KlineCsv.parse(csv(futures), Interval.M1);
        KlineCsv.Rows fromSpot = KlineCsv.parse(csv(spot), Interval.M1);
        assertFalse(fromSpot.header());
        assertTrue(fromSpot.micros());
        assertEquals(100, fromSpot.count());
        assertEquals(copyText(fromFutures), copyText(fromSpot));
        // Windows line ends and no final line end read the same
        byte[] crlf = String.join("\r\n", spot).getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(Arrays.copyOf(fromSpot.text(), fromSpot.length()),
                Arrays.copyOf(KlineCsv.parse(crlf, Interval.M1).text(), fromSpot.length()));
    }

    /** The file with line {@code index} (0 = the header) replaced, parsed: the refusal's message. */
    private static String refusal(int index, String line) {
        List<String> lines = new ArrayList<>(FEB.subList(0, 10));
        lines.set(index, line);
        return assertThrows(KlineFileException.class, () -> KlineCsv.parse(csv(lines), Interval.M1)).getMessage();
    }

    @Test
    void aMalformedRowRefusesTheFileNamingItsLine() {
        String good = FEB.get(3); // 1675209720000,5.225,5.246,5.225,5.241,...
        String[] f = good.split(",", -1);
        assertEquals("line 4: 11 columns, expected 12", refusal(3, good.substring(0, good.lastIndexOf(','))));
        assertEquals("line 4: more than 12 columns", refusal(3, good + ",1"));
        f[2] = "5.22";
        f[3] = "5.224";
        assertTrue(refusal(3, String.join(",", f)).startsWith("line 4: high 5.22 is below low 5.224"));
        f = good.split(",", -1);
        f[3] = "0.000";
        assertEquals("line 4: low 0.000 is not > 0", refusal(3, String.join(",", f)));
        f = good.split(",", -1);
        f[1] = "-5.226";
        assertEquals("line 4: open -5.226 is not > 0", refusal(3, String.join(",", f)));
        f = good.split(",", -1);
        f[0] = Long.toString(Long.parseLong(f[0]) + 30_000);
        assertEquals("line 4: open time " + f[0] + " is not on the 1m grid", refusal(3, String.join(",", f)));
        f = good.split(",", -1);
        f[6] = Long.toString(Long.parseLong(f[6]) + 60_000);
        assertTrue(refusal(3, String.join(",", f)).startsWith("line 4: close time"));
        f = good.split(",", -1);
        f[4] = "5.3";
        assertTrue(refusal(3, String.join(",", f)).startsWith("line 4: open 5.225 or close 5.3 is outside [low, high]"));
        f = good.split(",", -1);
        f[5] = "1e5";
        assertEquals("line 4: volume '1e5' is not a decimal", refusal(3, String.join(",", f)));
        f = good.split(",", -1);
        f[8] = "4x";
        assertEquals("line 4: trade count '4x' is not a whole number", refusal(3, String.join(",", f)));
        assertTrue(refusal(5, BinanceVision.asSpotMicros(FEB.get(5))).startsWith("line 6: open time"), "mixed units");
        assertEquals("line 3: 1 columns, expected 12", refusal(2, ""));
    }

    @Test
    void whatIsNotAKlineFileIsRefused() {
        assertEquals("no candle rows", assertThrows(KlineFileException.class,
                () -> KlineCsv.parse(new byte[0], Interval.M1)).getMessage());
        assertEquals("line 1: 3 columns, expected 12", assertThrows(KlineFileException.class,
                () -> KlineCsv.parse("date,price,qty\n".getBytes(StandardCharsets.UTF_8), Interval.M1)).getMessage());
        assertTrue(assertThrows(KlineFileException.class, () -> KlineCsv.parse(
                "2023-02-01 00:00,5.233,5.238,5.229,5.233,35462.8,x,1,1,1,1,0\n".getBytes(StandardCharsets.UTF_8),
                Interval.M1)).getMessage().startsWith("line 1: open time '2023-02-01 00:00' is not a whole number"));
        // the right rows with the wrong interval: off the 1h grid
        assertTrue(assertThrows(KlineFileException.class, () -> KlineCsv.parse(csv(FEB.subList(0, 5)), Interval.H1))
                .getMessage().startsWith("line 2: close time"));
    }

    @Test
    void fileNamesSayTheSymbolAndInterval() {
        assertEquals(new KlineFileName("FILUSDT", Interval.M1), KlineFileName.parse("FILUSDT-1m-2023-02.zip").orElseThrow());
        assertEquals(new KlineFileName("BTCUSDT", Interval.MONTH1), KlineFileName.parse("BTCUSDT-1M-2025-01-31.csv").orElseThrow());
        assertTrue(KlineFileName.parse("trades.csv").isEmpty());
        assertTrue(KlineFileName.parse("BTCUSDT-1m-2025-01.tar").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> KlineFileName.parse("BTCUSDT-7m-2025-01.zip"));
    }
}
