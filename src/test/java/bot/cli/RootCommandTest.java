package bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.testing.CliRun;
import bot.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RootCommandTest {
    @TempDir
    Path home;

    @Test
    void helpListsEveryCommandOfTheInterface() {
        CliRun run = CliRun.run(home, Map.of(), null, "--help");
        assertEquals(0, run.exitCode());
        for (String command : new String[] {"add-account", "add-strategy", "list", "enable", "disable", "start",
            "orders", "report"}) {
            assertTrue(run.out().contains("  " + command + " "), command + " missing from:\n" + run.out());
        }
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"add-account", "add-strategy", "list", "enable", "disable", "start",
            "orders", "report"}) {
            CliRun run = CliRun.run(home, Map.of(), null, command, "--help");
            assertEquals(0, run.exitCode(), command);
            assertTrue(run.out().startsWith("Usage: bot " + command), run.out());
        }
    }

    @Test
    void versionIsPrinted() {
        CliRun run = CliRun.run(home, Map.of(), null, "--version");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("bot "), run.out());
    }

    @Test
    void unknownCommandIsBadInputOnOneLine() {
        CliRun run = CliRun.run(home, Map.of(), null, "frobnicate");
        assertEquals(2, run.exitCode());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("frobnicate"), run.err());
    }

    @Test
    void noCommandIsBadInput() {
        assertEquals(2, CliRun.run(home, Map.of(), null).exitCode());
    }

    @Test
    void aBadSettingIsBadInputNamingTheKeyAndNothingIsWritten() throws Exception {
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/bot.conf"), "BOT_LOG_LEVEL=chatty\n");
        CliRun run = CliRun.run(home, Map.of(), null, "list");
        assertEquals(2, run.exitCode());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("BOT_LOG_LEVEL"), run.err());
        assertTrue(Files.notExists(home.resolve("var")), "nothing may be written on bad input");
    }

    @Test
    void anUnknownKeyInTheFileIsRefused() throws Exception {
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/bot.conf"), "BOT_LOG_LEVL=INFO\n");
        CliRun run = CliRun.run(home, Map.of(), null, "list");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("unknown setting BOT_LOG_LEVL"), run.err());
    }

    @Test
    void anUnreachableDatabaseFailsAtRunTimeWithoutThePassword() {
        CliRun run = CliRun.run(home, Map.of("BOT_DB_URL", "jdbc:postgresql://127.0.0.1:1/bot",
                "BOT_DB_USER", "bot", "BOT_DB_PASSWORD", "pw-not-shown"), null, "list");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("bot: cannot connect to database jdbc:postgresql://127.0.0.1:1/bot"), run.err());
        assertTrue(!run.err().contains("pw-not-shown"));
    }

    @Test
    void anExternalDatabaseIsMigratedOnFirstUse() {
        CliRun run = CliRun.run(home, Map.of("BOT_DB_URL", TestDatabase.freshUrl()), null, "list");
        assertEquals(0, run.exitCode(), run.err());
    }
}
