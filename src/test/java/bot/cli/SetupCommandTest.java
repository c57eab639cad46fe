package bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.store.Database;
import bot.testing.CliRun;
import bot.testing.ExchangeInfoServer;
import bot.testing.TestDatabase;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the tests of the set-up commands share: a BOT_HOME, a fresh database, a master key in the
 * environment, the fake exchange, and a snapshot of the set-up tables to prove a refusal wrote nothing.
 */
abstract class SetupCommandTest {
    static final String MASTER_KEY = Base64.getEncoder().encodeToString(new byte[] {
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});
    /** Binance's documented example key pair (signature-vectors.txt). */
    static final String API_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
    static final String SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";

    @TempDir
    Path home;
    String dbUrl;
    ExchangeInfoServer exchange;
    Map<String, String> env;

    @BeforeEach
    void setUpHome() {
        dbUrl = TestDatabase.freshUrl();
        exchange = new ExchangeInfoServer();
        env = new HashMap<>();
        env.put("BOT_DB_URL", dbUrl);
        env.put("BOT_MASTER_KEY", MASTER_KEY);
        env.put("BOT_BINANCE_REST_URL", exchange.url());
        for (String key : new String[] {"BOT_DB_USER", "BOT_DB_PASSWORD"}) {
            String value = System.getenv(key);
            if (value != null) {
                env.put(key, value);
            }
        }
    }

    @AfterEach
    void stopExchange() {
        exchange.close();
    }

    CliRun bot(String... args) {
        return CliRun.run(home, env, null, args);
    }

    CliRun botWithInput(String stdin, String... args) {
        return CliRun.run(home, env, stdin, args);
    }

    static void assertOk(CliRun run) {
        assertEquals(0, run.exitCode(), () -> "expected success, got " + run);
    }

    /** Exit 2 with one line on stderr that names {@code field}. */
    static void assertRefused(CliRun run, String field) {
        assertEquals(2, run.exitCode(), () -> "expected a refusal, got " + run);
        assertEquals(1, run.err().strip().lines().count(), () -> "one line: " + run.err());
        assertTrue(run.err().contains(field), () -> "names " + field + ": " + run.err());
        assertEquals("", run.out());
    }

    /** Every row of the set-up tables, as JSON text (bytea as hex). */
    String snapshot() {
        try (Database db = Database.connect(dbUrl, env.get("BOT_DB_USER"), env.get("BOT_DB_PASSWORD"), null)) {
            return db.jdbi().withHandle(h -> h.createQuery(
                    "select coalesce((select json_agg(a order by a.id)::text from accounts a), '[]')"
                            + " || coalesce((select json_agg(s order by s.id)::text from strategies s), '[]')")
                    .mapTo(String.class).one());
        }
    }
}
