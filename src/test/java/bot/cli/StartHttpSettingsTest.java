package bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartHttpSettingsTest {
    @TempDir
    Path home;

    @Test
    void anAddressOpenToTheNetworkWithoutATokenIsRefusedBeforeAnythingStarts() {
        // no database is reachable here: the refusal must come first
        CliRun run = CliRun.run(home, Map.of("BOT_HTTP_ADDRESS", "0.0.0.0:8350",
                "BOT_DB_URL", "jdbc:postgresql://127.0.0.1:1/nothing"), null, "start");
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("BOT_HTTP_ADDRESS") && run.err().contains("BOT_HTTP_TOKEN"), run.err());
        assertFalse(Files.exists(home.resolve("var/pgdata")));
    }

    @Test
    void theTokenIsASecretNeverTakenFromTheCommandLine() {
        CliRun run = CliRun.run(home, Map.of(), null, "--set", "BOT_HTTP_TOKEN=abcdefghijklmnopqrstuvwxyz", "start");
        assertEquals(2, run.exitCode(), run.err());
        assertFalse(run.err().contains("abcdefghijklmnopqrstuvwxyz"), run.err());
    }

    @Test
    void aMalformedAddressIsNamed() {
        CliRun run = CliRun.run(home, Map.of("BOT_HTTP_ADDRESS", "localhost"), null, "start");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("BOT_HTTP_ADDRESS"), run.err());
    }
}
