package bot.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** Placeholder until issue 5 fills it in. */
@Command(name = "start", mixinStandardHelpOptions = true, description = "Run the daemon in the foreground until SIGTERM or SIGINT (not available yet).")
final class StartCommand implements Callable<Integer> {
    @ParentCommand
    BotCommand root;

    @Override
    public Integer call() {
        root.environment().err().println("bot start: not available yet");
        return Cli.FAILED;
    }
}
