package bot.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code bot enable NAME}. */
@Command(name = "enable", mixinStandardHelpOptions = true, description = "Enable a strategy so that 'bot start' runs it.")
final class EnableCommand implements Callable<Integer> {
    @ParentCommand
    BotCommand root;

    @Parameters(index = "0", paramLabel = "NAME", description = "The strategy's name.")
    String name;

    @Override
    public Integer call() {
        return StrategyToggle.run(root, name, true);
    }
}
