package bot.cli;

import bot.domain.IntervalGrid;
import bot.json.Json;
import bot.store.CandleInventory;
import bot.store.Database;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code bot candles [--symbol S] [--interval I] [--format table|json]}: what the candles table holds, and its gaps. */
@Command(name = "candles", mixinStandardHelpOptions = true,
        description = "Show the stored candles per network, symbol and interval: first and last, count, and the gaps.")
final class CandlesCommand implements Callable<Integer> {

    enum Format { table, json }

    @ParentCommand
    BotCommand root;

    @Option(names = "--symbol", paramLabel = "SYMBOL", description = "Only this symbol.")
    String symbol;

    @Option(names = "--interval", paramLabel = "INTERVAL", description = "Only this interval.")
    String interval;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() throws JsonProcessingException {
        Optional<String> onlySymbol = Optional.ofNullable(symbol).map(CandleOptions::symbol);
        var onlyInterval = Optional.ofNullable(interval).map(CandleOptions::interval);
        List<CandleInventory.Series> series;
        try (Database db = root.openDatabase()) {
            series = new CandleInventory(db.jdbi()).series(onlySymbol, onlyInterval);
        }
        PrintWriter out = root.environment().out();
        if (format == Format.json) {
            out.println(Json.PRETTY.writeValueAsString(series.stream().map(CandlesCommand::json).toList()));
            return Cli.OK;
        }
        if (series.isEmpty()) {
            out.println("No candles stored (fill the table with 'bot download' or 'bot import').");
            return Cli.OK;
        }
        TextTable table = new TextTable("NETWORK", "SYMBOL", "INTERVAL", "FIRST", "LAST", "CANDLES", "MISSING", "GAPS");
        for (CandleInventory.Series s : series) {
            table.row(s.network().code(), s.symbol(), s.interval().code(), CandleOptions.time(s.first()),
                    CandleOptions.time(s.last()), String.format("%,d", s.count()), String.format("%,d", missing(s)),
                    Integer.toString(s.gaps().size()));
        }
        table.print(out);
        for (CandleInventory.Series s : series) {
            if (!s.gaps().isEmpty()) {
                out.printf("%nGaps of %s %s (%s), missing open times:%n", s.symbol(), s.interval().code(), s.network().code());
                for (CandleInventory.Gap gap : s.gaps()) {
                    out.printf("  %s .. %s  %,d candles%n", CandleOptions.time(gap.first()), CandleOptions.time(gap.last()),
                            IntervalGrid.count(s.interval(), gap.first(), gap.last()));
                }
            }
        }
        return Cli.OK;
    }

    private static long missing(CandleInventory.Series s) {
        return s.gaps().stream().mapToLong(g -> IntervalGrid.count(s.interval(), g.first(), g.last())).sum();
    }

    private static Map<String, Object> json(CandleInventory.Series s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("network", s.network().code());
        m.put("symbol", s.symbol());
        m.put("interval", s.interval().code());
        m.put("firstOpenTime", s.first());
        m.put("lastOpenTime", s.last());
        m.put("count", s.count());
        m.put("missing", missing(s));
        m.put("gaps", s.gaps().stream().map(g -> {
            Map<String, Object> gap = new LinkedHashMap<>();
            gap.put("firstOpenTime", g.first());
            gap.put("lastOpenTime", g.last());
            gap.put("missing", IntervalGrid.count(s.interval(), g.first(), g.last()));
            return gap;
        }).toList());
        return m;
    }
}
