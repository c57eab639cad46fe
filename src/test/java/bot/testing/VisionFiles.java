package bot.testing;

import bot.domain.Candle;
import bot.domain.Interval;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipInputStream;

/**
 * Reads Binance's public kline files (../shared/testdata/binance-vision) for tests, until
 * {@code bot import} exists: futures files have a header, SPOT files none, and SPOT times from
 * 2025 on are in microseconds (16 digits), turned into milliseconds here.
 */
public final class VisionFiles {
    public static final Path DIR = Path.of("..", "shared", "testdata", "binance-vision");

    private VisionFiles() {
    }

    public static List<Candle> candles(String file, String symbol, Interval interval) {
        List<Candle> candles = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(DIR.resolve(file)))) {
            zip.getNextEntry();
            BufferedReader lines = new BufferedReader(new InputStreamReader(zip, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank() || !Character.isDigit(line.charAt(0))) {
                    continue; // the futures files' header
                }
                String[] f = line.split(",");
                candles.add(new Candle(symbol, interval, millis(f[0]), millis(f[6]), new BigDecimal(f[1]),
                        new BigDecimal(f[2]), new BigDecimal(f[3]), new BigDecimal(f[4]), new BigDecimal(f[5]),
                        new BigDecimal(f[7]), Long.parseLong(f[8]), true));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return candles;
    }

    private static long millis(String time) {
        long t = Long.parseLong(time);
        return time.length() >= 16 ? t / 1000 : t;
    }
}
