package bot.market;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/** Reads the CSV of a Binance public kline file: the file itself, or the one CSV inside its zip. */
public final class KlineFiles {
    /** Far above a month of 1s candles zipped (about 2.6 M rows): a bound against a zip bomb. */
    private static final long MAX_CSV_BYTES = 1L << 30;

    private KlineFiles() {
    }

    /**
     * @throws KlineFileException when a .zip is not a zip holding one CSV
     * @throws IOException when the file cannot be read
     */
    public static byte[] csv(Path file) throws IOException, KlineFileException {
        if (!KlineFileName.zipped(file.getFileName().toString())) {
            return Files.readAllBytes(file);
        }
        try (InputStream raw = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(raw)) {
            ZipEntry entry = zip.getNextEntry();
            if (entry == null) {
                throw new KlineFileException(0, "not a zip archive");
            }
            if (entry.isDirectory() || !entry.getName().endsWith(".csv")) {
                throw new KlineFileException(0, "the zip holds " + entry.getName() + ", not a CSV");
            }
            byte[] csv = zip.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_CSV_BYTES + 1));
            if (csv.length > MAX_CSV_BYTES) {
                throw new KlineFileException(0, "the CSV inside is larger than " + (MAX_CSV_BYTES >> 20) + " MB");
            }
            if (zip.getNextEntry() != null) {
                throw new KlineFileException(0, "the zip holds more than one file");
            }
            return csv;
        } catch (ZipException e) {
            throw new KlineFileException(0, "not a readable zip archive (" + e.getMessage() + ")");
        }
    }
}
