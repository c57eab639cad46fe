package bot.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Binance's real public kline files in ../shared/testdata/binance-vision (see SOURCES.md there):
 * USD-M futures monthly 1m files, read in place, never copied into the project.
 */
public final class BinanceVision {
    private BinanceVision() {
    }

    /** The file, e.g. {@code FILUSDT-1m-2023-02.zip}. */
    public static Path file(String name) {
        String shared = System.getenv("BOT_TEST_SHARED");
        Path root = shared == null || shared.isEmpty() ? Path.of("..", "shared") : Path.of(shared);
        return root.resolve("testdata").resolve("binance-vision").resolve(name).toAbsolutePath().normalize();
    }

    /** The lines of the CSV inside a zip, header included. */
    public static List<String> lines(String name) {
        try (ZipInputStream zip = new ZipInputStream(java.nio.file.Files.newInputStream(file(name)))) {
            ZipEntry entry = zip.getNextEntry();
            if (entry == null) {
                throw new IllegalStateException(name + " is empty");
            }
            String text = new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return new ArrayList<>(List.of(text.split("\r?\n")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A futures line as a SPOT file from 2025 writes it: no header, times in microseconds. */
    public static String asSpotMicros(String futuresLine) {
        String[] f = futuresLine.split(",", -1);
        f[0] = f[0] + "000";
        f[6] = f[6] + "999";
        return String.join(",", f);
    }
}
