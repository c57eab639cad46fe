package bot.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a command sees of the world: BOT_HOME, the environment, standard streams and whether
 * standard input is a terminal. Tests build one; {@link Main} builds the real one.
 */
public record CliEnvironment(
        Path home,
        Map<String, String> variables,
        InputStream in,
        boolean inIsTerminal,
        PrintWriter out,
        PrintWriter err) {
}
