package bot.cli;

import bot.app.Exchange;
import bot.config.Settings;
import bot.testing.Candles;
import bot.testing.ReplayFeed;
import bot.testing.Rules;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import picocli.CommandLine;

/**
 * {@code bot} exactly as {@link Main} runs it, but with {@code start}'s market feed replaced by a
 * replay of XRPETH candles [20, 300) (none for BTCUSDT). Run as a child JVM by {@link StartSignalTest};
 * prints {@value #READY} once the feed has handed every candle over.
 */
public final class FakeFeedStart {
    static final String READY = "FEED STARTED";

    private FakeFeedStart() {
    }

    public static void main(String[] args) {
        run(args, (settings, ready) -> new Exchange(
                network -> new ReplayFeed(Map.of("XRPETH", Candles.xrpEth("XRPETH"), "BTCUSDT", List.of()), 20, 300,
                        ready),
                network -> Rules.source(Rules.xrpEth(), Rules.fromExchangeInfo("BTCUSDT")),
                Exchange.noLiveTrading("live trading is not available yet")), replayClock(20));
    }

    /**
     * The daemon's clock for a replay of the XRPETH candles from index {@code from}: at that candle's
     * close when the daemon starts, then running, so that no replayed entry is stale.
     */
    static Clock replayClock(int from) {
        Instant close = Instant.ofEpochMilli(Candles.xrpEth("XRPETH").get(from).closeTime());
        return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), close));
    }

    /** Runs {@code bot args} with start's exchange from {@code exchange}, given the action that prints READY. */
    static void run(String[] args, BiFunction<Settings, Runnable, Exchange> exchange, Clock clock) {
        Map<String, String> env = System.getenv();
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        CommandLine cl = Cli.commandLine(new CliEnvironment(Main.home(env), env, System.in, false, out, err));
        StartCommand start = cl.getSubcommands().get("start").getCommand();
        start.exchange = settings -> exchange.apply(settings, () -> out.println(READY));
        start.clock = clock;
        int code = cl.execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
