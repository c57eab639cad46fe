package bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.testing.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bot start --demo} as a user runs it (the real CLI, daemon and feed in a child JVM) on a
 * machine where Binance cannot be reached: REST and stream URLs point at a closed port. It must
 * stay up, say in the log that it waits for Binance, and still stop cleanly on SIGTERM.
 */
class StartWithoutNetworkTest {

    @Test
    void botStartStaysUpAndSaysItWaitsWhenBinanceCannotBeReached(@TempDir Path home) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "start", "--demo");
        builder.environment().put("BOT_HOME", home.toString());
        builder.environment().put("BOT_HTTP_ADDRESS", "127.0.0.1:0"); // not the default port: runs share the machine
        builder.environment().put("BOT_DB_URL", TestDatabase.freshUrl());
        builder.environment().put("BOT_DB_USER", "postgres");
        builder.environment().put("BOT_BINANCE_REST_URL", "http://127.0.0.1:" + closedPort);
        builder.environment().put("BOT_BINANCE_WS_URL", "ws://127.0.0.1:" + closedPort);
        builder.redirectErrorStream(true).redirectOutput(home.resolve("output.txt").toFile());
        Process process = builder.start();
        Path log = home.resolve("var/log/bot.json");
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!read(log).contains("does not answer")) {
                assertTrue(process.isAlive(), () -> "bot start exited " + process.exitValue() + ": " + read(
                        home.resolve("output.txt")) + read(log));
                assertTrue(System.nanoTime() < deadline, () -> "no line about waiting for Binance: " + read(log));
                Thread.sleep(100);
            }
            System.out.printf("bot start said it waits for Binance %d ms after it was started%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - deadline) + 60_000);
            assertFalse(process.waitFor(3, TimeUnit.SECONDS), () -> "bot start exited: " + read(log));
            long t0 = System.nanoTime();
            process.toHandle().destroy(); // SIGTERM
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "bot start did not stop on SIGTERM");
            System.out.printf("bot start stopped %d ms after SIGTERM%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
        } finally {
            process.destroyForcibly();
        }
        assertEquals(0, process.exitValue(), () -> read(home.resolve("output.txt")));
        String lines = read(log);
        assertTrue(lines.contains("Binance's REST API at http://127.0.0.1:" + closedPort + " does not answer"), lines);
        assertEquals(1, lines.lines().filter(l -> l.contains("does not answer")).count(), "one line, not one per retry");
        assertFalse(lines.contains("\"level\":\"ERROR\""), lines);
        assertTrue(lines.contains("\"message\":\"daemon stopped\""), lines);
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
