package bot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bot.testing.TestDatabase;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** Rows written by an older schema, then the bot's own start migrating them to the newest. */
class SchemaUpgradeTest {

    /** A database migrated up to {@code version} only, as an older bot left it. */
    private static String migratedTo(String version) {
        String url = TestDatabase.emptyUrl();
        Flyway.configure().dataSource(url, TestDatabase.user(), TestDatabase.password()).locations("classpath:db/migration").target(version)
                .loggers("slf4j").load().migrate();
        return url;
    }

    @Test
    void candlesStoredBeforeNetworksExistedBecomeProductions() {
        String url = migratedTo("3");
        Jdbi.create(url, TestDatabase.user(), TestDatabase.password()).useHandle(h -> h.execute("insert into candles (symbol, interval, open_time, close_time, open,"
                + " high, low, close, volume) values ('BTCUSDT', '1m', 0, 59999, 1, 1, 1, 1, 1)"));
        try (Database db = Database.connect(url, TestDatabase.user(), TestDatabase.password(), null)) {
            List<String> networks = db.jdbi().withHandle(h -> h.createQuery("select network from candles")
                    .mapTo(String.class).list());
            assertEquals(List.of("production"), networks);
        }
    }
}
