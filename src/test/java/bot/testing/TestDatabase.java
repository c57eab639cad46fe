package bot.testing;

import bot.store.Database;
import bot.store.EmbeddedServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real PostgreSQL for tests: the server named by BOT_DB_URL when it is set (e.g. in CI against an
 * external server), else one embedded server per test JVM. Each {@link #fresh()} call creates a new,
 * empty, migrated database so tests never see each other's rows.
 */
public final class TestDatabase {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedServer server;

    private TestDatabase() {
    }

    /** A new migrated database; close it when done (the server stays up for the other tests). */
    public static Database fresh() {
        return Database.connect(emptyUrl(), user(), password(), null);
    }

    /** The JDBC URL of a new database without even the schema: for tests of migrations. */
    public static String emptyUrl() {
        String name = "t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        String adminUrl = adminUrl();
        try (Connection c = DriverManager.getConnection(adminUrl, user(), password()); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database: " + e.getMessage(), e);
        }
        return replaceDatabase(adminUrl, name);
    }

    /** The user the test databases are reached as. */
    public static String user() {
        return externalUrl() == null ? "postgres" : System.getenv().getOrDefault("BOT_DB_USER", "");
    }

    /** That user's password. */
    public static String password() {
        return externalUrl() == null ? "" : System.getenv().getOrDefault("BOT_DB_PASSWORD", "");
    }

    /** The JDBC URL of a fresh database with nothing in it (not migrated), for tests of the bot's own start. */
    public static String freshUrl() {
        try (Database db = fresh()) {
            return db.jdbi().withHandle(h -> h.createQuery("select current_database()").mapTo(String.class).one())
                    .transform(TestDatabase::urlOf);
        }
    }

    private static String urlOf(String database) {
        return replaceDatabase(adminUrl(), database);
    }

    private static String externalUrl() {
        String url = System.getenv("BOT_DB_URL");
        return url == null || url.isEmpty() ? null : url;
    }

    private static synchronized String adminUrl() {
        if (externalUrl() != null) {
            return externalUrl();
        }
        if (server == null) {
            server = EmbeddedServer.acquire(Path.of("target", "test-pgdata").toAbsolutePath(), false);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        return server.jdbcUrl();
    }

    /** The same URL pointing at another database on the same server. */
    private static String replaceDatabase(String url, String database) {
        int slash = url.indexOf('/', "jdbc:postgresql://".length());
        int query = url.indexOf('?', slash);
        return url.substring(0, slash + 1) + database + (query < 0 ? "" : url.substring(query));
    }
}
