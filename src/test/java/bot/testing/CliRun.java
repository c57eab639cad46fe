package bot.testing;

import bot.cli.Cli;
import bot.cli.CliEnvironment;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs a bot command in-process through picocli and captures what it printed. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun run(Path home, Map<String, String> env, String stdin, String... args) {
        // bot start's HTTP server on a port of its own: the default one may be taken by a parallel run
        Map<String, String> withPort = new HashMap<>(env);
        withPort.putIfAbsent("BOT_HTTP_ADDRESS", "127.0.0.1:0");
        env = withPort;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliEnvironment environment = new CliEnvironment(home, env,
                new ByteArrayInputStream(stdin == null ? new byte[0] : stdin.getBytes(StandardCharsets.UTF_8)),
                false, new PrintWriter(out, true), new PrintWriter(err, true));
        int code = Cli.execute(environment, args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
