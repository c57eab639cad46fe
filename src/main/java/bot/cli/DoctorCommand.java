package bot.cli;

import bot.app.Doctor;
import bot.store.Database;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code bot doctor}: one line per check, OK or FAIL; exit 1 when any failed. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Check that live trading can work: the clock against Binance's, each account's API keys"
                + " (a signed account request) and each enabled strategy's symbol (TRADING).")
final class DoctorCommand implements Callable<Integer> {
    @ParentCommand
    BotCommand root;

    @Override
    public Integer call() {
        List<Doctor.Check> checks;
        try (Database db = root.openDatabase()) {
            checks = new Doctor(db.jdbi(), root.settings(), root.masterKeySource(), Doctor.interactiveFactory()).run();
        }
        PrintWriter out = root.environment().out();
        for (Doctor.Check check : checks) {
            out.println((check.ok() ? "OK    " : "FAIL  ") + check.name() + ": " + check.detail());
        }
        out.flush();
        return checks.stream().allMatch(Doctor.Check::ok) ? Cli.OK : Cli.FAILED;
    }
}
