package bot.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The real Binance recordings copied from shared/testdata/binance (see binance/SOURCES.md). */
public final class TestData {

    private TestData() {
    }

    public static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    public static byte[] bytes(String name) {
        try (InputStream in = TestData.class.getResourceAsStream("/binance/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test data file binance/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
