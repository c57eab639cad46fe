package bot.cli;

import bot.app.CandleDownload;
import bot.app.InputException;
import bot.app.ShutdownSignal;
import bot.app.StopRequest;
import bot.app.Terminal;
import bot.domain.Interval;
import bot.domain.Network;
import bot.store.Database;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code bot download --symbol S --interval I --from TIME [--to TIME] [--testnet]}: closed candles from Binance's REST klines. */
@Command(name = "download", mixinStandardHelpOptions = true,
        description = "Download the closed candles of a symbol and interval that are not stored yet from Binance's"
                + " REST klines (1,000 a request, within the weight budget). Run it again to resume; Ctrl-C keeps what"
                + " was stored.")
final class DownloadCommand implements Callable<Integer> {
    /** How often the progress bar is redrawn at most. */
    private static final long REDRAW_NANOS = 100_000_000L;

    @ParentCommand
    BotCommand root;

    @Option(names = "--symbol", required = true, paramLabel = "SYMBOL", description = "e.g. BTCUSDT.")
    String symbol;

    @Option(names = "--interval", required = true, paramLabel = "INTERVAL", description = "1s 1m 3m 5m 15m 30m 1h 2h 4h 6h 8h 12h 1d 3d 1w 1M.")
    String interval;

    @Option(names = "--from", required = true, paramLabel = "TIME",
            description = "First open time: an ISO-8601 instant (2024-05-01T12:00:00Z) or a date (2024-05-01, UTC).")
    String from;

    @Option(names = "--to", paramLabel = "TIME",
            description = "Candles opening before TIME (a date: to the end of that day); default: up to now.")
    String to;

    @Option(names = "--testnet", description = "From the spot testnet, stored as its candles.")
    boolean testnet;

    @Override
    public Integer call() throws IOException {
        String checkedSymbol = CandleOptions.symbol(symbol);
        Interval checkedInterval = CandleOptions.interval(interval);
        Instant start = TimeArgument.parse("--from", from, false);
        Instant end = to == null ? TimeArgument.LATEST : TimeArgument.parse("--to", to, true);
        if (!start.isBefore(end)) {
            throw new InputException("--from: " + from.strip() + " is not before --to " + (to == null ? "now" : to.strip()));
        }
        Network network = Network.of(testnet);
        PrintWriter out = root.environment().out();
        PrintWriter err = root.environment().err();
        StopRequest stop = new StopRequest();
        ShutdownSignal signal = ShutdownSignal.install();
        Thread.ofVirtual().start(() -> {
            try {
                signal.await();
                stop.request();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Progress progress = Terminal.isTerminal(Terminal.STDERR) ? new Bar(err) : new Progress();
        CandleDownload.Result result;
        long t0 = System.nanoTime();
        try (Database db = root.openDatabase()) {
            result = CandleDownload.forCommand(root.settings(), db.jdbi(), network, stop)
                    .run(checkedSymbol, checkedInterval, start.toEpochMilli(), end.toEpochMilli(), progress);
        } catch (IOException e) {
            // Binance did not answer through every retry: say so in one line; what was stored stays
            progress.end();
            err.println("bot: cannot reach Binance, gave up after retrying for "
                    + Math.round((System.nanoTime() - t0) / 1e9) + " s (" + e.getMessage() + "); the candles"
                    + " stored before are kept: run the same command to fetch the rest");
            err.flush();
            return Cli.FAILED;
        } finally {
            progress.end();
            signal.finished();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        String series = checkedSymbol + " " + checkedInterval.code() + " (" + network.code() + ")";
        if (result.lastOpen() < result.firstOpen()) {
            out.printf("Nothing to download: no %s candle has closed since %s.%n", series, CandleOptions.time(result.firstOpen()));
            return Cli.OK;
        }
        String range = CandleOptions.time(result.firstOpen()) + " .. " + CandleOptions.time(result.lastOpen());
        if (result.planned() == 0) {
            out.printf("Nothing to download: %s already has every closed candle of %s.%n", series, range);
            return Cli.OK;
        }
        if (result.interrupted()) {
            out.printf("Interrupted: stored %,d of %,d missing candles of %s, %s; run the same command to fetch the rest.%n",
                    result.stored(), result.planned(), series, range);
            return Cli.FAILED;
        }
        out.printf("Downloaded %,d candles of %s, %s, in %.1f s (%,.0f candles/s, %d requests)%s.%n", result.stored(),
                series, range, seconds, result.stored() / Math.max(seconds, 1e-9), result.requests(),
                result.stored() < result.planned() ? String.format("; Binance has none for %,d of the open times"
                        + " asked (before the listing, or an outage)", result.planned() - result.stored()) : "");
        return Cli.OK;
    }

    /** No progress when standard error is not a terminal: the summary line says it all. */
    private static class Progress implements CandleDownload.Progress {
        @Override
        public void planned(long candles, long firstOpen, long lastOpen) {
        }

        @Override
        public void stored(long candles) {
        }

        /** The download ended, finished or not. */
        void end() {
        }
    }

    /** A progress bar redrawn in place on the terminal. */
    private static final class Bar extends Progress {
        private final PrintWriter err;
        private long planned;
        private long started;
        private long drawn;
        private boolean open;

        Bar(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void planned(long candles, long firstOpen, long lastOpen) {
            planned = candles;
            started = System.nanoTime();
        }

        @Override
        public void stored(long candles) {
            long now = System.nanoTime();
            boolean finished = candles >= planned;
            if (now - drawn < REDRAW_NANOS && !finished) {
                return;
            }
            drawn = now;
            open = !finished;
            err.print("\r" + ProgressBar.line(candles, planned, Duration.ofNanos(now - started), "candles") + "\u001b[K"
                    + (finished ? "\n" : ""));
            err.flush();
        }

        @Override
        void end() {
            if (open) {
                err.println(); // the summary goes below the bar, not over it
                err.flush();
            }
        }
    }
}
