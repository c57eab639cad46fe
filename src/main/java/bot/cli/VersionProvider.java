package bot.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest (the build), or "dev" when run from classes. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = BotCommand.class.getPackage().getImplementationVersion();
        return new String[] {"bot " + (version == null ? "dev" : version),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
    }
}
