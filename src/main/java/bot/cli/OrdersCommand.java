package bot.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** Placeholder until issue 5 fills it in. */
@Command(name = "orders", mixinStandardHelpOptions = true, description = "List orders, oldest first (not available yet).")
final class OrdersCommand implements Callable<Integer> {
    @ParentCommand
    BotCommand root;

    @Override
    public Integer call() {
        root.environment().err().println("bot orders: not available yet");
        return Cli.FAILED;
    }
}
