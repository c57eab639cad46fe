package bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import bot.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Item 14 of issue 11: every user-supplied number is refused with exit 2, one line naming the field
 * and nothing written, before any arithmetic could blow up on it; BOT_DB_URL is a secret.
 */
class InputSafetyTest extends SetupCommandTest {

    private CliRun addStrategy(String... config) {
        List<String> args = new java.util.ArrayList<>(List.of("add-strategy", "--name", "huge", "--account", "paper",
                "--kind", "mean_reversion", "--symbol", "BTCUSDT", "--interval", "1m"));
        args.addAll(List.of(config));
        return bot(args.toArray(String[]::new));
    }

    @Test
    void hugeAndTinyStrategyNumbersAreRefusedBeforeAnyArithmetic() throws IOException {
        assertOk(bot("add-account", "--name", "paper"));
        String before = snapshot();
        for (String value : List.of("1e999999999", "-1e999999999", "1e-999999999", "\"1e999999999\"", "\"1E+2147483647\"",
                "1" + "0".repeat(900), "0." + "0".repeat(900) + "1")) {
            assertRefused(addStrategy("--config", "{\"order_value\": " + value + "}"), "--config: parameter order_value");
            assertRefused(addStrategy("--config", "{\"order_value\": 100, \"window\": " + value + "}"),
                    "--config: parameter window");
        }
        Path file = home.resolve("huge.json");
        Files.writeString(file, "{\"order_value\": 1e999999999}");
        assertRefused(addStrategy("--config-file", file.toString()), "--config-file: parameter order_value");
        assertEquals(before, snapshot());
    }

    @Test
    void outOfRangeLogSettingsAreRefusedNamingTheSetting() {
        Map<String, String> bad = new java.util.LinkedHashMap<>();
        bad.put("BOT_LOG_MAX_SIZE", "99999999999999999999GB");
        bad.put("BOT_LOG_RETENTION", "99999999999");
        for (Map.Entry<String, String> e : bad.entrySet()) {
            assertRefused(bot("--set", e.getKey() + "=" + e.getValue(), "list"), e.getKey());
            Map<String, String> withEnv = new HashMap<>(env);
            withEnv.put(e.getKey(), e.getValue());
            assertRefused(CliRun.run(home, withEnv, null, "list"), e.getKey());
        }
        // an overflowing product: 9,999,999,999 GB does not fit in a long
        assertRefused(bot("--set", "BOT_LOG_MAX_SIZE=9999999999GB", "list"), "BOT_LOG_MAX_SIZE");
        assertRefused(bot("--set", "BOT_LOG_MAX_SIZE=2TB", "list"), "BOT_LOG_MAX_SIZE");
        assertRefused(bot("--set", "BOT_LOG_RETENTION=100000", "list"), "BOT_LOG_RETENTION");
        assertRefused(bot("--set", "BOT_LOG_ROTATION=size", "--set", "BOT_LOG_RETENTION=21", "list"),
                "BOT_LOG_RETENTION");
        assertFalse(Files.exists(home.resolve("var/log")), "nothing written, not even a log");
        assertOk(bot("--set", "BOT_LOG_MAX_SIZE=1GB", "--set", "BOT_LOG_RETENTION=1000", "list"));
    }

    @Test
    void timesOutsideTheCalendarAreRefusedNamingTheOption() {
        for (String time : List.of("+999999999-12-31", "-999999999-01-01", "+1000000-01-01T00:00:00Z", "0000-01-01",
                "10000-01-01")) {
            assertRefused(bot("orders", "--since", time), "--since");
            assertRefused(bot("report", "--since", time), "--since");
            assertRefused(bot("report", "--until", time), "--until");
        }
        assertOk(bot("report", "--since", "2024-05-01", "--until", "9999-12-31"));
        assertOk(bot("orders", "--since", "1970-01-01T00:00:00Z"));
    }

    @Test
    void theDatabaseUrlIsASecretNeverEchoed() {
        String password = "s3cr3t-pw";
        CliRun set = bot("--set", "BOT_DB_URL=jdbc:postgresql://localhost:1/bot?password=" + password, "list");
        assertRefused(set, "BOT_DB_URL");
        assertFalse(set.err().contains(password), set.err());

        Map<String, String> malformed = new HashMap<>(env);
        malformed.put("BOT_DB_URL", "postgresql://bot:" + password + "@localhost/bot");
        CliRun refused = CliRun.run(home, malformed, null, "list");
        assertRefused(refused, "BOT_DB_URL");
        assertFalse(refused.err().contains(password), refused.err());

        Map<String, String> unreachable = new HashMap<>(env);
        unreachable.put("BOT_DB_URL", "jdbc:postgresql://127.0.0.1:9/bot?user=bot&password=" + password);
        CliRun failed = CliRun.run(home, unreachable, null, "list");
        assertEquals(1, failed.exitCode(), failed::toString);
        assertFalse(failed.err().contains(password) || failed.out().contains(password), failed::toString);
        assertFalse(logsContain(password), "the logs never hold it");
    }

    private boolean logsContain(String text) {
        try (var files = Files.walk(home)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1).contains(text)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
