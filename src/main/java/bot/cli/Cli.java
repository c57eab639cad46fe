package bot.cli;

import bot.app.InputException;
import bot.app.LogSetup;
import bot.config.SettingsException;
import bot.store.DatabaseException;
import bot.strategy.InvalidParameterException;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Builds the picocli command tree and maps failures to one-line messages and exit codes. */
public final class Cli {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;

    private Cli() {
    }

    public static int execute(CliEnvironment environment, String... args) {
        return commandLine(environment).execute(args);
    }

    public static CommandLine commandLine(CliEnvironment environment) {
        CommandLine cl = new CommandLine(new BotCommand(environment));
        cl.setOut(environment.out());
        cl.setErr(environment.err());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine failed = ex.getCommandLine();
            environment.err().println(failed.getCommandName().equals("bot") ? "bot: " + ex.getMessage()
                    : "bot " + failed.getCommandName() + ": " + ex.getMessage()
                    + " (see 'bot " + failed.getCommandName() + " --help')");
            environment.err().flush();
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, failed, parseResult) -> {
            environment.err().println("bot: " + message(ex));
            environment.err().flush();
            if (isBadInput(ex)) {
                return BAD_INPUT;
            }
            if (!(ex instanceof DatabaseException)) {
                LoggerFactory.getLogger(Cli.class).error(LogSetup.FILE_ONLY, "command {} failed",
                        failed.getCommandName(), ex);
            }
            return FAILED;
        });
        return cl;
    }

    static boolean isBadInput(Throwable ex) {
        return ex instanceof InputException || ex instanceof SettingsException
                || ex instanceof InvalidParameterException;
    }

    private static String message(Throwable ex) {
        String message = ex.getMessage();
        if (message == null || message.isBlank()) {
            return ex.getClass().getSimpleName();
        }
        return isBadInput(ex) || ex instanceof DatabaseException ? message : "error: " + message;
    }
}
