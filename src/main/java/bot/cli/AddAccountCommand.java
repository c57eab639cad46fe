package bot.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** Placeholder until issue 3 fills it in. */
@Command(name = "add-account", mixinStandardHelpOptions = true, description = "Store an exchange account, its secret encrypted (not available yet).")
final class AddAccountCommand implements Callable<Integer> {
    @ParentCommand
    BotCommand root;

    @Override
    public Integer call() {
        root.environment().err().println("bot add-account: not available yet");
        return Cli.FAILED;
    }
}
