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

    private final List<Process> processes = new java.util.ArrayList<>();

    @AfterEach
    void restoreDefaultLogging() {
        endCommand();
        processes.forEach(Process::destroyForcibly);
    }

    /** What a command's exit does to its logging: the file closed, the hold given up. */
    private static void endCommand() {
        ((ch.qos.logback.classic.LoggerContext) LoggerFactory.getILoggerFactory()).reset();
        CommandLogFile.release();
    }

    private Settings settings(Map<String, String> env) {
        return SettingsLoader.load(home, home.resolve("none"), false, env, Map.of());
    }

    @Test
    void everyLineIsJsonWithStructuredFieldsAsFields() throws IOException {
        LogSetup.configureDaemon(settings(Map.of()), null);
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
        LogSetup.configureDaemon(settings(Map.of()), null);
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
        LogSetup.configureDaemon(settings(Map.of("BOT_LOG_ROTATION", "size", "BOT_LOG_MAX_SIZE", "2KB",
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
        LogSetup.configureDaemon(settings(Map.of("BOT_LOG_LEVEL", "warn")), null);
        Logger log = LoggerFactory.getLogger("bot.test");
        log.info("hidden");
        log.warn("shown");
        List<String> lines = Files.readAllLines(home.resolve("var/log/bot.json"));
        assertEquals(1, lines.size());
        assertTrue(lines.get(0).contains("shown"));
    }

    @Test
    void aCommandLogsToItsOwnFileAndNeverTouchesTheDaemonsFile() throws IOException {
        Path daemonLog = home.resolve("var/log/bot.json");
        Files.createDirectories(daemonLog.getParent());
        Files.writeString(daemonLog, "x".repeat(4096) + "\n");
        LogSetup.configure(settings(Map.of("BOT_LOG_ROTATION", "size", "BOT_LOG_MAX_SIZE", "1KB")), null);
        Logger log = LoggerFactory.getLogger("bot.test");
        for (int i = 0; i < 50; i++) {
            log.info("command line {} {}", i, "y".repeat(100));
        }
        assertEquals("x".repeat(4096) + "\n", Files.readString(daemonLog), "bot.json is the daemon's alone");
        assertFalse(Files.exists(home.resolve("var/log/bot.1.json.gz")));
        List<String> lines = Files.readAllLines(home.resolve("var/log/commands.json"));
        assertEquals(50, lines.size(), "a command never rotates while it writes");
        assertEquals("command line 0 " + "y".repeat(100), JSON.readTree(lines.get(0)).get("message").asText());
    }

    @Test
    void aCommandRotatesTheCommandsFileWhenFullAndKeepsAtMostRetentionFiles() throws IOException {
        Map<String, String> env = Map.of("BOT_LOG_MAX_SIZE", "1KB", "BOT_LOG_RETENTION", "2");
        Logger log = LoggerFactory.getLogger("bot.test");
        for (int run = 0; run < 4; run++) {
            LogSetup.configure(settings(env), null); // one command each
            log.info("run {} {}", run, "z".repeat(2000));
        }
        Path dir = home.resolve("var/log");
        assertEquals(List.of("commands.1.json.gz", "commands.2.json.gz"), gzipped(dir, "commands."));
        assertTrue(Files.readString(dir.resolve("commands.json")).contains("run 3 "));
        assertTrue(gunzip(dir.resolve("commands.1.json.gz")).contains("run 2 "));
        assertTrue(gunzip(dir.resolve("commands.2.json.gz")).contains("run 1 "));
    }

    @Test
    void aCommandDoesNotRotateTheCommandsFileWhileAnotherProcessHasItOpen() throws Exception {
        Map<String, String> env = Map.of("BOT_LOG_MAX_SIZE", "1KB");
        Process other = holdCommandLog(); // another command, its log open
        LogSetup.configure(settings(env), null);
        LoggerFactory.getLogger("bot.test").info("first {}", "z".repeat(2000));
        endCommand();

        LogSetup.configure(settings(env), null); // over 1KB, but in use by the other: not rotated
        LoggerFactory.getLogger("bot.test").info("second");
        Path dir = home.resolve("var/log");
        assertEquals(List.of(), gzipped(dir, "commands."), "the file is in use: not rotated");
        endCommand();
        other.getOutputStream().write('\n');
        other.getOutputStream().flush();
        assertTrue(other.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(0, other.exitValue());

        LogSetup.configure(settings(env), null); // the next command, alone: rotates
        LoggerFactory.getLogger("bot.test").info("third");
        assertEquals(List.of("commands.1.json.gz"), gzipped(dir, "commands."));
        String rotated = gunzip(dir.resolve("commands.1.json.gz"));
        for (String line : List.of("held by another", "first ", "second", "held by another, leaving")) {
            assertTrue(rotated.contains(line), () -> "no line is lost: " + line + " in " + rotated);
        }
        assertTrue(Files.readString(dir.resolve("commands.json")).contains("third"));
    }

    /** A child JVM that configures a command's logging on this home, logs, and holds it until a line on stdin. */
    private Process holdCommandLog() throws IOException {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldCommandLog.class.getName(), home.toString());
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process p = pb.start();
        processes.add(p);
        String line = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream())).readLine();
        assertEquals("READY", line);
        return p;
    }

    /** The child of {@link #holdCommandLog}. */
    public static final class HoldCommandLog {
        public static void main(String[] args) throws IOException {
            Path home = Path.of(args[0]);
            LogSetup.configure(SettingsLoader.load(home, home.resolve("none"), false,
                    Map.of("BOT_LOG_MAX_SIZE", "1KB"), Map.of()), null);
            LoggerFactory.getLogger("bot.test").info("held by another");
            System.out.println("READY");
            System.out.flush();
            System.in.read();
            LoggerFactory.getLogger("bot.test").info("held by another, leaving");
        }
    }

    private static List<String> gzipped(Path dir, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix) && n.endsWith(".gz"))
                    .sorted().toList();
        }
    }

    private static String gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
