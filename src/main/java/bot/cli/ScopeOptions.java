package bot.cli;

import picocli.CommandLine.Option;

/** {@code --strategy NAME | --account NAME}: exactly one (an exclusive, required picocli group). */
final class ScopeOptions {
    @Option(names = "--strategy", paramLabel = "NAME", required = true, description = "A strategy.")
    String strategy;

    @Option(names = "--account", paramLabel = "NAME", required = true,
            description = "An account: all its strategies together.")
    String account;

    /** {@code --strategy NAME | --account NAME | --all}. */
    static final class OrAll {
        @Option(names = "--strategy", paramLabel = "NAME", required = true, description = "A strategy.")
        String strategy;

        @Option(names = "--account", paramLabel = "NAME", required = true,
                description = "An account: all its strategies.")
        String account;

        @Option(names = "--all", required = true, description = "Every strategy.")
        boolean all;
    }
}
