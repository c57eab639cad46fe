package bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.testing.CliRun;
import bot.testing.TestDatabase;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartCommandTest {
    @TempDir
    Path home;

    @Test
    void withNothingToRunStartFailsAtOnceSayingSo() {
        CliRun run = CliRun.run(home, Map.of("BOT_DB_URL", TestDatabase.freshUrl()), null, "start");
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("bot start: no strategy is enabled"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }
}
