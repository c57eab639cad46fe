package bot.app;

import static net.logstash.logback.argument.StructuredArguments.kv;

import bot.domain.Interval;
import bot.domain.Network;
import bot.market.KlineCsv;
import bot.market.KlineFileException;
import bot.market.KlineFileName;
import bot.market.KlineFiles;
import bot.store.CandleRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code bot import}: Binance public kline files into the candles table. Every file is checked
 * whole before anything of it is stored, and stored in one transaction: a file with one bad row
 * adds nothing, the others still go in. Candles already stored are kept, so importing again, or
 * files that overlap, changes nothing.
 */
public final class CandleImport {
    private static final Logger log = LoggerFactory.getLogger(CandleImport.class);

    private final CandleRepository candles;
    private final Network network;

    public CandleImport(CandleRepository candles, Network network) {
        this.candles = candles;
        this.network = network;
    }

    /** A file to import with the series it belongs to. */
    public record Source(Path file, String symbol, Interval interval) {
    }

    /** What became of one file: its candles and how many were new, or why it was refused. */
    public record Outcome(Source source, int rows, long inserted, long firstOpen, long lastOpen, String refusal) {
        public boolean refused() {
            return refusal != null;
        }
    }

    /**
     * Checks what can be known before reading: every file exists and has a symbol and interval
     * (from its name, unless given).
     *
     * @throws InputException for the first file that fails
     */
    public static List<Source> sources(List<Path> files, Optional<String> symbol, Optional<Interval> interval) {
        List<Source> sources = new ArrayList<>();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new InputException(file + ": " + (Files.exists(file) ? "not a regular file" : "no such file"));
            }
            if (!Files.isReadable(file)) {
                throw new InputException(file + ": cannot be read");
            }
            String name = file.getFileName().toString();
            if (!name.endsWith(".zip") && !name.endsWith(".csv")) {
                throw new InputException(file + ": not a Binance kline file (expected a .zip or .csv)");
            }
            Optional<KlineFileName> parsed;
            try {
                parsed = KlineFileName.parse(name);
            } catch (IllegalArgumentException e) {
                throw new InputException(file + ": " + e.getMessage());
            }
            if ((symbol.isEmpty() || interval.isEmpty()) && parsed.isEmpty()) {
                throw new InputException(file + ": the name does not say the symbol and interval"
                        + " (SYMBOL-INTERVAL-YYYY-MM[-DD].zip); give --symbol and --interval");
            }
            sources.add(new Source(file, symbol.orElseGet(() -> parsed.get().symbol()),
                    interval.orElseGet(() -> parsed.get().interval())));
        }
        return sources;
    }

    /** Imports one file; a file that is not Binance's format is refused, with nothing of it stored. */
    public Outcome importFile(Source source) throws IOException {
        KlineCsv.Rows rows;
        try {
            rows = KlineCsv.parse(KlineFiles.csv(source.file()), source.interval());
        } catch (KlineFileException e) {
            log.warn("kline file refused: {}", e.getMessage(), kv("file", source.file().toString()));
            return new Outcome(source, 0, 0, 0, 0, e.getMessage());
        }
        long inserted = candles.importRows(network, source.symbol(), source.interval(), rows.text(), rows.length(),
                rows.firstOpen(), rows.lastOpen());
        log.info("kline file imported", kv("file", source.file().toString()), kv("symbol", source.symbol()),
                kv("interval", source.interval().code()), kv("network", network.code()), kv("rows", rows.count()),
                kv("inserted", inserted));
        return new Outcome(source, rows.count(), inserted, rows.firstOpen(), rows.lastOpen(), null);
    }
}
