package bot.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL whose data lives in one folder, shared by every bot process on it.
 * A process first looks for a server already running on the folder (postmaster.pid names its
 * PID and port) and connects to it; only when there is none, or only a stale one, does it start
 * one. Each process using the server holds a shared lock for as long as it does ({@link ServerUsers});
 * the last one out, the one that can then lock exclusively, stops it. A file lock beside the folder
 * serialises these decisions between processes, a {@link ReentrantLock} between threads.
 */
public final class EmbeddedServer implements AutoCloseable {
    static final String USER = "postgres";
    static final String DATABASE = "bot";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedServer.class);
    /** Java refuses overlapping file locks within one JVM, so its threads take turns first. */
    private static final ReentrantLock GUARD = new ReentrantLock();

    private final Path dataDir;
    private final int port;
    private final String password;
    private final EmbeddedPostgres started;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedServer(Path dataDir, int port, String password, EmbeddedPostgres started) {
        this.dataDir = dataDir;
        this.port = port;
        this.password = password;
        this.started = started;
    }

    /**
     * Connects to the server running on {@code dataDir}, or starts one.
     *
     * @param durable fsync and synchronous commits on (the bot's journal); tests may trade them for speed
     */
    public static EmbeddedServer acquire(Path dataDir, boolean durable) {
        return acquire(dataDir, durable, null);
    }

    /**
     * As {@link #acquire(Path, boolean)}, but with password authentication: the server's superuser
     * gets the password kept in {@code passwordFile} (made on first use, readable by this user only),
     * and connections without it are refused. PostgreSQL's initdb trusts every local connection,
     * which on a shared machine would let any user read or change the journal.
     */
    public static EmbeddedServer acquire(Path dataDir, boolean durable, Path passwordFile) {
        GUARD.lock();
        try {
            Files.createDirectories(dataDir.getParent());
            try (FileChannel channel = lockChannel(dataDir); FileLock ignored = channel.lock()) {
                String password = passwordFile == null ? "" : SecretFile.readOrCreate(passwordFile);
                Optional<RunningServer> running = RunningServer.find(dataDir);
                EmbeddedServer server;
                if (running.isPresent()) {
                    log.debug("using the embedded PostgreSQL already running on port {}", running.get().port());
                    server = new EmbeddedServer(dataDir, running.get().port(), password, null);
                } else {
                    EmbeddedPostgres postgres = start(dataDir, durable, password);
                    if (!password.isEmpty()) {
                        PasswordAuthentication.require(dataDir, postgres.getPort(), USER, password);
                    }
                    createDatabase(postgres.getPort(), password);
                    server = new EmbeddedServer(dataDir, postgres.getPort(), password, postgres);
                }
                ServerUsers.join(dataDir); // before the decision lock goes: no one may stop it from now on
                return server;
            }
        } catch (IOException e) {
            throw new DatabaseException("cannot start the embedded PostgreSQL in " + dataDir + ": " + e.getMessage());
        } finally {
            GUARD.unlock();
        }
    }

    private static EmbeddedPostgres start(Path dataDir, boolean durable, String password) throws IOException {
        long t0 = System.nanoTime();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(30))
                .setServerConfig("unix_socket_directories", "")
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("max_connections", "100");
        if (!password.isEmpty()) {
            builder.setConnectConfig("password", password); // zonky's own readiness check connects too
        }
        if (durable) {
            // zonky starts the server with -F (no fsync) and synchronous_commit=off: not for a journal of money.
            builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("embedded PostgreSQL started on port {} in {} ms", postgres.getPort(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
        return postgres;
    }

    private static void createDatabase(int port, String password) throws IOException {
        try (Connection c = DriverManager.getConnection(url(port, "postgres"), USER, password);
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("create database " + DATABASE);
        } catch (SQLException e) {
            throw new IOException("cannot create database " + DATABASE + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl() {
        return url(port, DATABASE);
    }

    /** The superuser's password; empty for a server without password authentication (tests). */
    public String password() {
        return password;
    }

    /** True when this process started the server. */
    public boolean startedHere() {
        return started != null;
    }

    /** The name this process gives its connections, so others can tell it apart. */
    static String applicationName() {
        return "bot-" + ProcessHandle.current().pid();
    }

    /**
     * Leaves the server; stops it when no other process uses it (whatever connections exist).
     * Call after closing the pool.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        GUARD.lock();
        try (FileChannel channel = lockChannel(dataDir); FileLock ignored = channel.lock()) {
            if (!ServerUsers.leaveLast(dataDir)) {
                log.debug("leaving the embedded PostgreSQL running for its other users");
                return;
            }
            stop();
        } catch (IOException e) {
            log.warn("could not stop the embedded PostgreSQL cleanly: {}", e.getMessage());
        } finally {
            GUARD.unlock();
        }
    }

    private void stop() throws IOException {
        if (started != null) {
            started.close();
            return;
        }
        Optional<RunningServer> running = RunningServer.find(dataDir);
        if (running.isEmpty()) {
            return;
        }
        // SIGTERM: PostgreSQL's smart shutdown, which waits for clients (there are none left).
        Optional<ProcessHandle> process = ProcessHandle.of(running.get().pid());
        if (process.isPresent()) {
            process.get().destroy();
            try {
                process.get().onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IOException("PostgreSQL (pid " + running.get().pid() + ") did not stop in 30 s");
            }
        }
    }

    private static FileChannel lockChannel(Path dataDir) throws IOException {
        Path lockFile = dataDir.resolveSibling(dataDir.getFileName() + ".lock");
        return FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    }

    private static String url(int port, String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database + "?user=" + USER;
    }

    /** A server that postmaster.pid says is running, checked to be alive and listening. */
    record RunningServer(long pid, int port) {

        static Optional<RunningServer> find(Path dataDir) {
            Path pidFile = dataDir.resolve("postmaster.pid");
            List<String> lines;
            try {
                lines = Files.readAllLines(pidFile);
            } catch (IOException | UncheckedIOException e) {
                return Optional.empty();
            }
            if (lines.size() < 4) {
                return Optional.empty();
            }
            try {
                long pid = Long.parseLong(lines.get(0).trim());
                int port = Integer.parseInt(lines.get(3).trim());
                boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
                if (!alive || !listening(port)) {
                    log.info("found a stale embedded PostgreSQL (pid {} is gone); starting a new one", pid);
                    return Optional.empty();
                }
                return Optional.of(new RunningServer(pid, port));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        private static boolean listening(int port) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("localhost", port), 1000);
                return true;
            } catch (IOException e) {
                return false;
            }
        }
    }
}
