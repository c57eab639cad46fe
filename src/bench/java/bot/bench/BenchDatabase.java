package bot.bench;

import bot.store.Database;
import bot.store.EmbeddedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The PostgreSQL server every benchmark writes to: the bot's embedded server with its durable
 * settings (fsync and synchronous commits on), started by this process in a temporary folder, so
 * that to a bot started as a child process it is an external server named by BOT_DB_URL. Each
 * benchmark gets a database of its own, migrated by the bot's Flyway scripts.
 */
final class BenchDatabase implements AutoCloseable {
    static final String USER = "postgres";

    private final Path dir;
    private final EmbeddedServer server;

    private BenchDatabase(Path dir, EmbeddedServer server) {
        this.dir = dir;
        this.server = server;
    }

    static BenchDatabase start() throws Exception {
        Path dir = Files.createTempDirectory("bot-bench-pg");
        return new BenchDatabase(dir, EmbeddedServer.acquire(dir.resolve("pgdata"), true));
    }

    /** The server's main process (its postmaster.pid): its children are the backends and the writers. */
    long serverPid() throws java.io.IOException {
        return Long.parseLong(Files.readAllLines(dir.resolve("pgdata").resolve("postmaster.pid")).get(0).strip());
    }

    /** The JDBC URL of database {@code name} (no credentials: the user is {@value #USER}, no password). */
    String url(String name) {
        return "jdbc:postgresql://localhost:" + server.port() + "/" + name;
    }

    /** A new, empty, migrated database; dropped first when it exists. */
    Database fresh(String name) throws Exception {
        create(name);
        return Database.connect(url(name), USER, "", null);
    }

    /** Creates database {@code name} (dropping an older one) without migrating it. */
    void create(String name) throws Exception {
        try (Connection c = DriverManager.getConnection(url("postgres"), USER, "");
             Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
            s.execute("create database " + name);
        }
    }

    @Override
    public void close() throws java.io.IOException {
        server.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
