package bot.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** Placeholder until issue 3 fills it in. */
@Command(name = "disable", mixinStandardHelpOptions = true, description = "Disable a strategy (not available yet).")
final class DisableCommand implements Callable<Integer> {
    @ParentCommand
    BotCommand root;

    @Override
    public Integer call() {
        root.environment().err().println("bot disable: not available yet");
        return Cli.FAILED;
    }
}
