package bot.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** Placeholder until issue 7 fills it in. */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Print the KPIs (not available yet).")
final class ReportCommand implements Callable<Integer> {
    @ParentCommand
    BotCommand root;

    @Override
    public Integer call() {
        root.environment().err().println("bot report: not available yet");
        return Cli.FAILED;
    }
}
