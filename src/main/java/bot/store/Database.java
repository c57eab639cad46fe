package bot.store;

import bot.config.Settings;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;

/**
 * The bot's PostgreSQL database: a connection pool, Jdbi over it, and the schema migrated by
 * Flyway. With no BOT_DB_URL it is the embedded server in var/pgdata, shared between processes.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final EmbeddedServer server;
    private final List<HikariDataSource> sidePools = new CopyOnWriteArrayList<>();

    private Database(HikariDataSource dataSource, EmbeddedServer server) {
        this.dataSource = dataSource;
        this.server = server;
        this.jdbi = Jdbi.create(dataSource).installPlugin(new PostgresPlugin());
    }

    /**
     * Jdbi over a small pool of its own on the same database, closed with this one: for readers that
     * must never hold up the trading path's connections (the journal, the lease renewals), such as the
     * HTTP server's queries and the status publisher.
     */
    public Jdbi sidePool(String name, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(dataSource.getJdbcUrl());
        config.setUsername(dataSource.getUsername());
        config.setPassword(dataSource.getPassword());
        config.setPoolName(name);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(-1); // the database may be away now: connect when asked
        config.addDataSourceProperty("ApplicationName", EmbeddedServer.applicationName());
        HikariDataSource side = new HikariDataSource(config);
        sidePools.add(side);
        return Jdbi.create(side).installPlugin(new PostgresPlugin());
    }

    /** Opens the database the settings name and brings its schema up to date. */
    public static Database open(Settings settings) {
        return open(settings, 1);
    }

    /**
     * The same, with {@code idleConnections} opened in the background from the start: a command that
     * soon reads on several connections at once (a backtest's candles) finds them ready instead of
     * waiting while the pool opens them one after the other.
     */
    public static Database open(Settings settings, int idleConnections) {
        if (settings.dbUrl().isPresent()) {
            return connect(settings.dbUrl().get(), settings.dbUser(), settings.dbPassword(), null, idleConnections);
        }
        EmbeddedServer server = EmbeddedServer.acquire(settings.pgDataDir(), true,
                settings.varDir().resolve("secret").resolve("pgdata.password"));
        try {
            return connect(server.jdbcUrl(), EmbeddedServer.USER, server.password(), server, idleConnections);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** Connects to {@code url} and migrates it; {@code server}, when given, is released on close. */
    public static Database connect(String url, String user, String password, EmbeddedServer server) {
        return connect(url, user, password, server, 1);
    }

    private static Database connect(String url, String user, String password, EmbeddedServer server,
            int idleConnections) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        if (user != null && !user.isEmpty()) {
            config.setUsername(user);
        }
        if (password != null && !password.isEmpty()) {
            config.setPassword(password);
        }
        config.setPoolName("bot-db");
        config.setMaximumPoolSize(8);
        config.setMinimumIdle(Math.min(idleConnections, config.getMaximumPoolSize()));
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(5_000);
        config.addDataSourceProperty("ApplicationName", EmbeddedServer.applicationName());
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            throw new DatabaseException("cannot connect to database " + JdbcUrls.withoutSecrets(url) + ": "
                    + rootMessage(e));
        }
        try {
            migrate(dataSource);
        } catch (RuntimeException e) {
            dataSource.close();
            throw new DatabaseException("cannot migrate database " + JdbcUrls.withoutSecrets(url) + ": "
                    + rootMessage(e));
        }
        return new Database(dataSource, server);
    }

    /**
     * Brings the schema up to date. Flyway takes a few hundred milliseconds to load and validate,
     * which every short command would pay; when the history already shows the newest migration
     * this jar carries, it is skipped.
     */
    private static void migrate(DataSource dataSource) {
        if (SchemaVersion.isCurrent(dataSource)) {
            return;
        }
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .loggers("slf4j")
                .load()
                .migrate();
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        sidePools.forEach(HikariDataSource::close);
        dataSource.close();
        if (server != null) {
            server.close();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
