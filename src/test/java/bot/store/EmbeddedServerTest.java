package bot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.testing.HoldDatabase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded server shared between real bot processes: each process here is a separate JVM
 * holding the database of one BOT_HOME, as a running daemon and a report in another shell would.
 */
class EmbeddedServerTest {
    @TempDir
    Path home;
    private final List<Process> processes = new ArrayList<>();
    private final java.util.Map<Process, BufferedReader> readers = new java.util.HashMap<>();

    @AfterEach
    void killLeftovers() throws IOException {
        processes.forEach(Process::destroyForcibly);
        postmasterPid().flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroy);
    }

    @Test
    void aSecondProcessUsesTheRunningServerAndTheLastOneOutStopsIt() throws Exception {
        Process first = hold();
        long serverPid = postmasterPid().orElseThrow();
        int port = port();

        Process second = hold();
        assertEquals(serverPid, postmasterPid().orElseThrow(), "the second process must not start another server");
        assertEquals(port, port());

        release(first);
        assertTrue(ProcessHandle.of(serverPid).map(ProcessHandle::isAlive).orElse(false),
                "the server must stay up while the second process uses it");
        release(second);
        assertFalse(waitUntilGone(serverPid), "the last process out must stop the server");
        assertTrue(Files.exists(home.resolve("var/pgdata/PG_VERSION")), "the data stays for the next start");
    }

    @Test
    void dataSurvivesARestart() throws Exception {
        var settings = bot.config.SettingsLoader.load(home, home.resolve("none"), false, java.util.Map.of(),
                java.util.Map.of());
        try (Database db = Database.open(settings)) {
            db.jdbi().useHandle(h -> h.execute("insert into accounts (name, key_type) values ('kept', 'none')"));
        }
        assertTrue(postmasterPid().isEmpty(), "the owner stops the server at exit");
        try (Database db = Database.open(settings)) {
            assertEquals("kept", db.jdbi().withHandle(h -> h.createQuery("select name from accounts")
                    .mapTo(String.class).one()));
        }
    }

    @Test
    void theServerRefusesConnectionsWithoutItsPassword() throws Exception {
        Process holder = hold();
        String url = "jdbc:postgresql://localhost:" + port() + "/bot";
        java.sql.SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
                () -> java.sql.DriverManager.getConnection(url, "postgres", "").close());
        assertTrue(refused.getMessage().contains("password"), refused.getMessage());
        Path passwordFile = home.resolve("var/secret/pgdata.password");
        assertEquals(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"),
                Files.getPosixFilePermissions(passwordFile));
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "postgres",
                Files.readString(passwordFile).strip())) {
            assertTrue(c.isValid(2));
        }
        release(holder);
    }

    @Test
    void aServerWhoseOwnerWasKilledIsReusedAndThenStopped() throws Exception {
        Process owner = hold();
        long serverPid = postmasterPid().orElseThrow();
        owner.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        assertTrue(ProcessHandle.of(serverPid).map(ProcessHandle::isAlive).orElse(false),
                "PostgreSQL outlives a killed JVM");

        Process next = hold();
        assertEquals(serverPid, postmasterPid().orElseThrow());
        release(next);
        assertFalse(waitUntilGone(serverPid));
    }

    @Test
    void aStaleServerWhoseProcessIsGoneIsRecovered() throws Exception {
        Process owner = hold();
        long serverPid = postmasterPid().orElseThrow();
        owner.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        ProcessHandle.of(serverPid).orElseThrow().destroyForcibly();
        assertFalse(waitUntilGone(serverPid));
        assertTrue(Files.exists(home.resolve("var/pgdata/postmaster.pid")), "a crash leaves postmaster.pid behind");

        Process next = hold();
        long newPid = postmasterPid().orElseThrow();
        assertNotEquals(serverPid, newPid);
        release(next);
        assertFalse(waitUntilGone(newPid));
    }

    /**
     * Item 10 of issue 11: a process using the server (its pool replacing its connections all the
     * time, as pools do) and 100 commands opening and closing the database beside it: no command
     * may stop the server under it, and it never loses a connection.
     */
    @Test
    void aHundredCommandsNeverStopTheServerUnderAProcessUsingIt() throws Exception {
        Process daemon = hold("busy");
        long serverPid = postmasterPid().orElseThrow();
        var settings = bot.config.SettingsLoader.load(home, home.resolve("none"), false, java.util.Map.of(),
                java.util.Map.of());
        for (int i = 0; i < 100; i++) {
            try (Database command = Database.open(settings)) {
                command.jdbi().useHandle(h -> h.execute("select 1"));
            }
            assertEquals(serverPid, postmasterPid().orElse(-1L), "command " + i + " stopped the server");
        }
        daemon.getOutputStream().write('\n');
        daemon.getOutputStream().flush();
        String summary = readers.get(daemon).readLine();
        assertTrue(daemon.waitFor(60, TimeUnit.SECONDS));
        assertTrue(summary != null && summary.matches("QUERIES [1-9][0-9]* FAILED 0"), summary);
        assertFalse(waitUntilGone(serverPid), "the last one out stops it");
    }

    private Process hold(String... mode) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldDatabase.class.getName(), home.toString()));
        command.addAll(List.of(mode));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("BOT_DB_URL");
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process p = pb.start();
        processes.add(p);
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertEquals("READY", line, "the process could not open the database");
        readers.put(p, out);
        return p;
    }

    private static void release(Process p) throws Exception {
        OutputStream in = p.getOutputStream();
        in.write('\n');
        in.flush();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
    }

    private java.util.Optional<Long> postmasterPid() throws IOException {
        Path pidFile = home.resolve("var/pgdata/postmaster.pid");
        if (!Files.exists(pidFile)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Long.parseLong(Files.readAllLines(pidFile).get(0).trim()));
    }

    private int port() throws IOException {
        return Integer.parseInt(Files.readAllLines(home.resolve("var/pgdata/postmaster.pid")).get(3).trim());
    }

    /** Polls (bounded) until the process is gone; returns whether it is still alive. */
    private static boolean waitUntilGone(long pid) throws InterruptedException {
        for (int i = 0; i < 300 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false); i++) {
            Thread.sleep(100);
        }
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
