package bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.testing.CliRun;
import bot.testing.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Item 9 of issue 11: a running {@code bot start} (a child JVM) owns var/log/bot.json; commands run
 * beside it with 1 KB size rotation must not rotate it from under the daemon, which would then write
 * into a deleted file and lose its log.
 */
class DaemonLogTest {
    @TempDir
    Path home;
    private Process daemon;

    @AfterEach
    void stop() {
        if (daemon != null) {
            daemon.destroyForcibly();
        }
        ((ch.qos.logback.classic.LoggerContext) LoggerFactory.getILoggerFactory()).reset();
    }

    @Test
    void commandsBesideARunningDaemonLeaveItWritingTheLiveLogFile() throws Exception {
        String url = TestDatabase.freshUrl();
        Map<String, String> env = new HashMap<>(Map.of("BOT_DB_URL", url, "BOT_DB_USER", "postgres",
                "BOT_LOG_ROTATION", "size", "BOT_LOG_MAX_SIZE", "1KB"));
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), FakeFeedStart.class.getName(), "start", "--demo");
        builder.environment().putAll(env);
        builder.environment().put("BOT_HOME", home.toString());
        builder.environment().put("BOT_HTTP_ADDRESS", "127.0.0.1:0"); // not the default port: runs share the machine
        builder.redirectError(home.resolve("stderr.txt").toFile());
        builder.redirectOutput(home.resolve("stdout.txt").toFile());
        daemon = builder.start();
        // up once it has logged its start (the demo's BTCUSDT replay is empty: no READY line to wait for)
        Path started = home.resolve("var/log/bot.json");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!allLogs(started.getParent()).contains("\"message\":\"daemon started\"")) {
            assertTrue(daemon.isAlive(), () -> "bot start ended early: " + read(home.resolve("stderr.txt")));
            assertTrue(System.nanoTime() < deadline, "bot start did not log its start within 60 s");
            Thread.sleep(50);
        }
        Path log = home.resolve("var/log/bot.json");
        assertTrue(Files.size(log) > 0);

        List<CliRun> runs = new ArrayList<>();
        for (int i = 0; i < 6; i++) { // each logs a line of ~250 bytes: together past 1 KB
            runs.add(CliRun.run(home, env, null, "add-account", "--name", "extra-" + i));
        }
        runs.add(CliRun.run(home, env, null, "list"));
        runs.forEach(run -> assertEquals(0, run.exitCode(), run::toString));
        assertTrue(Files.readString(home.resolve("var/log/commands.json")).contains("account added"),
                "the commands log to their own file");

        List<String> open = openFiles(daemon.pid()).stream().filter(f -> f.contains("/var/log/")).toList();
        assertFalse(open.stream().anyMatch(f -> f.contains("bot.json") && f.endsWith("(deleted)")), open::toString);
        assertTrue(open.contains(log.toRealPath().toString()), () -> "the daemon writes the live bot.json: " + open);

        daemon.toHandle().destroy(); // SIGTERM: the daemon logs its stop
        assertTrue(daemon.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, daemon.exitValue(), () -> read(home.resolve("stderr.txt")));
        // the newest event is always in the live file: a size rotation happens before an event is written
        assertTrue(read(log).contains("\"message\":\"daemon stopped\""), () -> read(log));
    }

    /** bot.json and its rotated files, gzipped or not: a 1 KB rotation may have moved the line sought. */
    private static String allLogs(Path dir) throws IOException {
        StringBuilder all = new StringBuilder();
        if (!Files.isDirectory(dir)) {
            return "";
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("bot")).toList()) {
                try (InputStream in = file.toString().endsWith(".gz")
                        ? new GZIPInputStream(Files.newInputStream(file)) : Files.newInputStream(file)) {
                    all.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException beingRotated) {
                    // renamed or half-written right now: the next look finds it
                }
            }
        }
        return all.toString();
    }

    private static List<String> openFiles(long pid) throws IOException {
        List<String> targets = new ArrayList<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    targets.add(Files.readSymbolicLink(fd).toString());
                } catch (IOException gone) {
                    // closed meanwhile
                }
            }
        }
        return targets;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(" + file + ": " + e.getMessage() + ")";
        }
    }
}
