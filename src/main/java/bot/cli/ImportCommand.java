package bot.cli;

import bot.app.CandleImport;
import bot.domain.Network;
import bot.store.CandleRepository;
import bot.store.Database;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code bot import FILE... [--symbol S] [--interval I] [--testnet]}: Binance public kline files into the candles table. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import Binance public kline files (SYMBOL-INTERVAL-YYYY-MM[-DD].zip or .csv, SPOT or futures)"
                + " into the candles table. A file with a malformed row is refused whole; exit 2 if any was.")
final class ImportCommand implements Callable<Integer> {

    @ParentCommand
    BotCommand root;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Kline files, .zip or .csv.")
    List<Path> files;

    @Option(names = "--symbol", paramLabel = "SYMBOL", description = "The files' symbol (default: from each name).")
    String symbol;

    @Option(names = "--interval", paramLabel = "INTERVAL", description = "The files' interval (default: from each name).")
    String interval;

    @Option(names = "--testnet", description = "Store the candles as the spot testnet's (default: production's).")
    boolean testnet;

    @Override
    public Integer call() throws IOException {
        List<CandleImport.Source> sources = CandleImport.sources(files.stream().map(Path::toAbsolutePath).toList(),
                Optional.ofNullable(symbol).map(CandleOptions::symbol),
                Optional.ofNullable(interval).map(CandleOptions::interval));
        PrintWriter out = root.environment().out();
        PrintWriter err = root.environment().err();
        long rows = 0;
        long inserted = 0;
        int refused = 0;
        long start = System.nanoTime();
        try (Database db = root.openDatabase()) {
            CandleImport importer = new CandleImport(new CandleRepository(db.jdbi()), Network.of(testnet));
            for (CandleImport.Source source : sources) {
                CandleImport.Outcome outcome = importer.importFile(source);
                String name = source.file().getFileName().toString();
                if (outcome.refused()) {
                    refused++;
                    err.printf("bot import: %s refused, nothing of it stored: %s%n", source.file(), outcome.refusal());
                    continue;
                }
                rows += outcome.rows();
                inserted += outcome.inserted();
                out.printf("%s: %,d candles of %s %s, %s .. %s, %,d new%n", name, outcome.rows(), source.symbol(),
                        source.interval().code(), CandleOptions.time(outcome.firstOpen()),
                        CandleOptions.time(outcome.lastOpen()), outcome.inserted());
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf("Imported %d of %d files (%s): %,d candles, %,d new, in %.1f s (%,.0f candles/s)%n",
                sources.size() - refused, sources.size(), Network.of(testnet).code(), rows, inserted, seconds,
                rows / Math.max(seconds, 1e-9));
        err.flush();
        out.flush();
        return refused == 0 ? Cli.OK : Cli.BAD_INPUT;
    }
}
