package bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.testing.CliRun;
import bot.testing.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After add-account with known secrets on the embedded database (its data in var/pgdata, the key
 * created in var/secret), the secrets' bytes and the API key appear in no database file, no log
 * file and no command output. Each command stops the server when it leaves, so the files are
 * flushed by PostgreSQL's shutdown checkpoint before they are searched.
 */
class SecretAtRestTest {
    private static final String API_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
    private static final String HMAC_SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
    private static final String PEM_BODY = "MC4CAQAwBQYDK2VwBCIEILpXm6EtDzSzPJWHTbP904h5R3bzb0QsLjTf1tAt2OlB";

    @TempDir
    Path home;

    @Test
    void secretsAppearInNoDatabaseFileLogOrOutput() throws IOException {
        Path pem = home.resolve("ed25519.pem");
        Files.writeString(pem, TestData.text("ed25519-test-key.pem"));
        List<CliRun> runs = new ArrayList<>();
        runs.add(bot(HMAC_SECRET + "\n", "add-account", "--name", "vault-hmac", "--api-key", API_KEY));
        runs.add(bot(null, "add-account", "--name", "vault-ed", "--api-key", API_KEY,
                "--api-secret-file", pem.toString(), "--testnet"));
        runs.add(bot(null, "list"));
        runs.add(bot(null, "list", "--format", "json"));
        for (CliRun run : runs) {
            assertEquals(0, run.exitCode(), run::toString);
        }
        assertTrue(runs.get(2).out().contains("vault-ed"), runs.get(2).out());

        Path pgdata = home.resolve("var/pgdata");
        assertTrue(Files.isRegularFile(pgdata.resolve("PG_VERSION")), "the embedded database lives in var/pgdata");
        assertFalse(Files.exists(pgdata.resolve("postmaster.pid")), "the server stopped, so its files are flushed");
        assertTrue(filesContaining(pgdata, "vault-ed").size() > 0, "the search does reach the stored rows");

        for (String secret : List.of(HMAC_SECRET, PEM_BODY, API_KEY)) {
            assertEquals(List.of(), filesContaining(pgdata, secret), "database files");
            assertEquals(List.of(), filesContaining(home.resolve("var/log"), secret), "log files");
            for (CliRun run : runs) {
                assertFalse(run.out().contains(secret) || run.err().contains(secret), run::toString);
            }
        }
        assertTrue(Files.size(home.resolve("var/log/commands.json")) > 0, "the commands did log");

        Path key = home.resolve("var/secret/master.key");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key.getParent())));
    }

    /** A command on the embedded database: no BOT_DB_URL, no BOT_MASTER_KEY. */
    private CliRun bot(String stdin, String... args) {
        return CliRun.run(home, Map.of("BOT_BINANCE_REST_URL", "http://127.0.0.1:9"), stdin, args);
    }

    private static List<Path> filesContaining(Path dir, String text) throws IOException {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (indexOf(Files.readAllBytes(file), needle) >= 0) {
                    found.add(file);
                }
            }
        }
        return found;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
