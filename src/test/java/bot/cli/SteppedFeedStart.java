package bot.cli;

import bot.app.Exchange;
import bot.testing.AdjustableClock;
import bot.testing.Candles;
import bot.testing.Rules;
import bot.testing.AdvancingFeed;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * {@code bot} as {@link Main} runs it, with {@code start}'s market a {@link AdvancingFeed} of the
 * XRPETH candles from index {@value #FROM} that the parent test moves on through standard input:
 * {@code candles N} hands the next N over, {@code clock S} moves the daemon's clock S seconds on.
 * Prints {@code HTTP <port>} once the server listens and {@code OK <next>} after each command.
 */
public final class SteppedFeedStart {
    static final int FROM = 20;

    private SteppedFeedStart() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        var candles = Candles.xrpEth("XRPETH");
        AdjustableClock clock = new AdjustableClock(Instant.ofEpochMilli(candles.get(FROM - 1).closeTime() + 500));
        AdvancingFeed feed = new AdvancingFeed(candles, FROM);
        picocli.CommandLine cl = Cli.commandLine(new CliEnvironment(Main.home(env), env, System.in, false, out, err));
        StartCommand start = cl.getSubcommands().get("start").getCommand();
        start.exchange = settings -> new Exchange(network -> feed,
                network -> Rules.source(Rules.xrpEth()), Exchange.noLiveTrading("no live trading in this test"));
        start.clock = clock;
        start.webStarted = web -> out.println("HTTP " + web.address().getPort());
        Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    String[] words = line.strip().split(" ");
                    int next = switch (words[0]) {
                        case "candles" -> feed.advance(Integer.parseInt(words[1]));
                        case "clock" -> {
                            clock.advance(Duration.ofSeconds(Long.parseLong(words[1])));
                            yield -1;
                        }
                        default -> -2;
                    };
                    out.println("OK " + next);
                }
            } catch (Exception e) {
                e.printStackTrace(err);
            }
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
