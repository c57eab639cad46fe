package bot.app;

import static net.logstash.logback.argument.StructuredArguments.kv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.config.Settings;
import bot.config.SettingsLoader;
import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

class LogSetupTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path home;

    @AfterEach
    void restoreDefaultLogging() {
        ((ch.qos.logback.classic.LoggerContext) LoggerFactory.getILoggerFactory()).reset();
    }

    private Settings settings(Map<String, String> env) {
        return SettingsLoader.load(home, home.resolve("none"), false, env, Map.of());
    }

    @Test
    void everyLineIsJsonWithStructuredFieldsAsFields() throws IOException {
        LogSetup.configure(settings(Map.of()), null);
        Logger log = LoggerFactory.getLogger("bot.test");
        MDC.put("strategy", "demo-btcusdt");
        try {
            log.info("order filled", kv("clientOrderId", "b1-abc-1"), kv("symbol", "BTCUSDT"));
            log.debug("not at INFO");
        } finally {
            MDC.clear();
        }
        List<String> lines = Files.readAllLines(home.resolve("var/log/bot.json"));
        assertEquals(1, lines.size(), "DEBUG is below the default level");
        JsonNode event = JSON.readTree(lines.get(0));
        assertEquals("order filled", event.get("message").asText());
        assertEquals("INFO", event.get("level").asText());
        assertEquals("demo-btcusdt", event.get("strategy").asText());
        assertEquals("b1-abc-1", event.get("clientOrderId").asText());
        assertEquals("BTCUSDT", event.get("symbol").asText());
        assertTrue(event.has("@timestamp"));
    }

    /** The engine logs its fields with SLF4J 2's key/value pairs: the JSON encoder writes each as a field. */
    @Test
    void fluentKeyValuePairsAreJsonFields() throws IOException {
        LogSetup.configure(settings(Map.of()), null);
        Logger log = LoggerFactory.getLogger("bot.engine.OrderLife");
        log.atWarn().addKeyValue("clientOrderId", "b1-abc-1").addKeyValue("side", "BUY").addKeyValue("attempt", 2)
                .addKeyValue("waitMs", 1500L).log("order outcome not known yet; looking it up");
        List<String> lines = Files.readAllLines(home.resolve("var/log/bot.json"));
        assertEquals(1, lines.size());
        JsonNode event = JSON.readTree(lines.get(0));
        assertEquals("order outcome not known yet; looking it up", event.get("message").asText());
        assertEquals("WARN", event.get("level").asText());
        assertEquals("b1-abc-1", event.get("clientOrderId").asText());
        assertEquals("BUY", event.get("side").asText());
        assertEquals(2, event.get("attempt").asInt());
        assertEquals(1500L, event.get("waitMs").asLong());
    }

    @Test
    void sizeRotationGzipsAndKeepsAtMostRetentionFiles() throws IOException {
        LogSetup.configure(settings(Map.of("BOT_LOG_ROTATION", "size", "BOT_LOG_MAX_SIZE", "2KB",
                "BOT_LOG_RETENTION", "3", "BOT_LOG_DIR", "logs")), Level.WARN);
        Logger log = LoggerFactory.getLogger("bot.test");
        for (int i = 0; i < 400; i++) {
            log.info("line {} {}", i, "x".repeat(100));
        }
        Path dir = home.resolve("logs");
        List<String> rotated;
        try (Stream<Path> files = Files.list(dir)) {
            rotated = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".gz")).sorted().toList();
        }
        assertEquals(List.of("bot.1.json.gz", "bot.2.json.gz", "bot.3.json.gz"), rotated);
        assertTrue(Files.size(dir.resolve("bot.json")) < 4096);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(dir.resolve("bot.1.json.gz")))) {
            String text = new String(in.readAllBytes());
            assertFalse(text.isEmpty());
            for (String line : text.split("\n")) {
                assertTrue(JSON.readTree(line).get("message").asText().startsWith("line "), line);
            }
        }
    }

    @Test
    void levelSettingFiltersTheFile() throws IOException {
        LogSetup.configure(settings(Map.of("BOT_LOG_LEVEL", "warn")), null);
        Logger log = LoggerFactory.getLogger("bot.test");
        log.info("hidden");
        log.warn("shown");
        List<String> lines = Files.readAllLines(home.resolve("var/log/bot.json"));
        assertEquals(1, lines.size());
        assertTrue(lines.get(0).contains("shown"));
    }
}
