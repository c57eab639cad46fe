package bot.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** Placeholder until issue 3 fills it in. */
@Command(name = "add-strategy", mixinStandardHelpOptions = true, description = "Add a strategy (not available yet).")
final class AddStrategyCommand implements Callable<Integer> {
    @ParentCommand
    BotCommand root;

    @Override
    public Integer call() {
        root.environment().err().println("bot add-strategy: not available yet");
        return Cli.FAILED;
    }
}
