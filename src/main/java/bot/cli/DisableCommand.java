package bot.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code bot disable NAME}. */
@Command(name = "disable", mixinStandardHelpOptions = true, description = "Disable a strategy so that 'bot start' does not run it.")
final class DisableCommand implements Callable<Integer> {
    @ParentCommand
    BotCommand root;

    @Parameters(index = "0", paramLabel = "NAME", description = "The strategy's name.")
    String name;

    @Override
    public Integer call() {
        return StrategyToggle.run(root, name, false);
    }
}
