package bot.cli;

import bot.app.Terminal;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Entry point of the {@code bot} command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        CliEnvironment environment = new CliEnvironment(home(env), env, System.in,
                Terminal.isTerminal(Terminal.STDIN), out, err);
        int code = Cli.execute(environment, args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** BOT_HOME, else the launcher's -Dbot.home, else the working directory. */
    static Path home(Map<String, String> env) {
        String home = env.get("BOT_HOME");
        if (home == null || home.isEmpty()) {
            home = System.getProperty("bot.home");
        }
        Path path = home == null || home.isEmpty() ? Path.of("") : Path.of(home);
        return Files.isDirectory(path) ? path.toAbsolutePath().normalize() : path;
    }
}
