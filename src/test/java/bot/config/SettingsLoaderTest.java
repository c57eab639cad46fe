package bot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsLoaderTest {
    @TempDir
    Path home;

    private Settings load(String file, Map<String, String> env, Map<String, String> overrides) throws IOException {
        Path conf = home.resolve("bot.conf");
        Files.writeString(conf, file);
        return SettingsLoader.load(home, conf, false, env, overrides);
    }

    @Test
    void defaultsApplyWhenNothingIsSet() {
        Settings s = SettingsLoader.load(home, home.resolve("missing.conf"), false, Map.of(), Map.of());
        assertTrue(s.dbUrl().isEmpty());
        assertEquals(home.resolve("var/log"), s.logDir());
        assertEquals("INFO", s.logLevel());
        assertFalse(s.logRotationBySize());
        assertEquals(10L * 1024 * 1024, s.logMaxSizeBytes());
        assertEquals(14, s.logRetention());
        assertEquals("https://api.binance.com", s.binanceRestUrl(false));
        assertEquals("https://testnet.binance.vision", s.binanceRestUrl(true));
        assertEquals("wss://stream.binance.com:9443", s.binanceWsUrl(false));
        assertEquals("wss://stream.testnet.binance.vision", s.binanceWsUrl(true));
        assertEquals(home.resolve("var/pgdata"), s.pgDataDir());
    }

    @Test
    void fileBeatsDefaultEnvironmentBeatsFileOverrideBeatsEnvironment() throws IOException {
        String file = "# comment\n\nBOT_LOG_LEVEL=DEBUG\nBOT_LOG_RETENTION=3\nBOT_LOG_MAX_SIZE=\"5MB\"\nexport BOT_LOG_DIR='logs'\n";
        Settings fileOnly = load(file, Map.of(), Map.of());
        assertEquals("DEBUG", fileOnly.logLevel());
        assertEquals(3, fileOnly.logRetention());
        assertEquals(5L * 1024 * 1024, fileOnly.logMaxSizeBytes());
        assertEquals(home.resolve("logs"), fileOnly.logDir());

        Settings env = load(file, Map.of("BOT_LOG_LEVEL", "WARN", "PATH", "/bin", "BOT_UNRELATED", "x"), Map.of());
        assertEquals("WARN", env.logLevel());
        assertEquals(3, env.logRetention());

        Settings flag = load(file, Map.of("BOT_LOG_LEVEL", "WARN"), Map.of("BOT_LOG_LEVEL", "ERROR"));
        assertEquals("ERROR", flag.logLevel());
    }

    @Test
    void urlSettingsOverrideBothNetworks() throws IOException {
        Settings s = load("BOT_BINANCE_REST_URL=http://127.0.0.1:9999\nBOT_BINANCE_WS_URL=ws://127.0.0.1:9998\n",
                Map.of(), Map.of());
        assertEquals("http://127.0.0.1:9999", s.binanceRestUrl(false));
        assertEquals("http://127.0.0.1:9999", s.binanceRestUrl(true));
        assertEquals("ws://127.0.0.1:9998", s.binanceWsUrl(true));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "BOT_NOPE=1|unknown setting BOT_NOPE",
        "BOT_LOG_LEVEL=LOUD|BOT_LOG_LEVEL",
        "BOT_LOG_ROTATION=weekly|BOT_LOG_ROTATION",
        "BOT_LOG_MAX_SIZE=big|BOT_LOG_MAX_SIZE",
        "BOT_LOG_MAX_SIZE=12|BOT_LOG_MAX_SIZE",
        "BOT_LOG_RETENTION=0|BOT_LOG_RETENTION",
        "BOT_LOG_RETENTION=x|BOT_LOG_RETENTION",
        "BOT_DB_URL=mysql://x|BOT_DB_URL",
        "BOT_MASTER_KEY=abc|BOT_MASTER_KEY",
        "BOT_BINANCE_REST_URL=ftp://x|BOT_BINANCE_REST_URL",
        "BOT_BINANCE_WS_URL=https://x|BOT_BINANCE_WS_URL",
        "just words|expected KEY=value",
        "BOT_LOG_DIR=\"unterminated|unterminated quote",
    })
    void badFileLinesAreRefusedNamingTheKeyAndLine(String line, String expected) {
        SettingsException e = assertThrows(SettingsException.class, () -> load(line + "\n", Map.of(), Map.of()));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }

    @Test
    void badEnvironmentValueNamesTheVariable() {
        SettingsException e = assertThrows(SettingsException.class,
                () -> load("", Map.of("BOT_LOG_ROTATION", "hourly"), Map.of()));
        assertTrue(e.getMessage().startsWith("environment variable BOT_LOG_ROTATION"), e.getMessage());
    }

    @Test
    void overridesRefuseUnknownKeysAndSecrets() {
        assertTrue(assertThrows(SettingsException.class, () -> load("", Map.of(), Map.of("BOT_X", "1")))
                .getMessage().contains("unknown setting BOT_X"));
        SettingsException secret = assertThrows(SettingsException.class,
                () -> load("", Map.of(), Map.of("BOT_DB_PASSWORD", "hunter2")));
        assertTrue(secret.getMessage().contains("secret"), secret.getMessage());
        assertFalse(secret.getMessage().contains("hunter2"));
    }

    @Test
    void aMalformedSecretIsNeverEchoed() {
        SettingsException e = assertThrows(SettingsException.class,
                () -> load("BOT_MASTER_KEY=not-base64-SECRETVALUE\n", Map.of(), Map.of()));
        assertFalse(e.getMessage().contains("SECRETVALUE"), e.getMessage());
    }

    @Test
    void anExplicitConfigFileMustExist() {
        SettingsException e = assertThrows(SettingsException.class,
                () -> SettingsLoader.load(home, home.resolve("nope.conf"), true, Map.of(), Map.of()));
        assertTrue(e.getMessage().contains("--config"), e.getMessage());
    }

    @Test
    void theShippedConfFileParsesAndEqualsTheDefaults() {
        Path shipped = Path.of("conf/bot.conf");
        Settings s = SettingsLoader.load(home, shipped, true, Map.of(), Map.of());
        Settings defaults = SettingsLoader.load(home, home.resolve("none"), false, Map.of(), Map.of());
        for (SettingKey key : SettingKey.values()) {
            assertEquals(defaults.get(key), s.get(key), key.name());
        }
    }

    @Test
    void theShippedConfFileNamesEveryKey() throws IOException {
        String text = Files.readString(Path.of("conf/bot.conf"));
        for (SettingKey key : SettingKey.values()) {
            assertTrue(text.contains("#" + key.name() + "="), key.name() + " missing from conf/bot.conf");
        }
    }

    @Test
    void telegramNeedsBothItsTokenAndItsChatAndTheTokenIsNeverEchoed() {
        String token = "123456:AAbbCCdd-secret";
        SettingsException alone = org.junit.jupiter.api.Assertions.assertThrows(SettingsException.class,
                () -> SettingsLoader.load(home, home.resolve("none"), false, Map.of("BOT_TELEGRAM_TOKEN", token),
                        Map.of()));
        assertTrue(alone.getMessage().startsWith("BOT_TELEGRAM_CHAT: "), alone.getMessage());
        SettingsException bad = org.junit.jupiter.api.Assertions.assertThrows(SettingsException.class,
                () -> SettingsLoader.load(home, home.resolve("none"), false,
                        Map.of("BOT_TELEGRAM_TOKEN", "not a token " + token, "BOT_TELEGRAM_CHAT", "42"), Map.of()));
        assertTrue(!bad.getMessage().contains("secret"), bad.getMessage());
        SettingsException argument = org.junit.jupiter.api.Assertions.assertThrows(SettingsException.class,
                () -> SettingsLoader.load(home, home.resolve("none"), false, Map.of(),
                        Map.of("BOT_TELEGRAM_TOKEN", token)));
        assertTrue(argument.getMessage().contains("is a secret"), argument.getMessage());
        Settings both = SettingsLoader.load(home, home.resolve("none"), false,
                Map.of("BOT_TELEGRAM_TOKEN", token, "BOT_TELEGRAM_CHAT", "-1001234"), Map.of());
        assertEquals(token, both.telegramToken());
        assertEquals("https://api.telegram.org", both.telegramUrl());
    }
}
