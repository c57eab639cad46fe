package bot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SchemaVersionTest {

    @Test
    void latestIsTheNewestMigrationFile() throws IOException {
        int newest;
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            newest = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))
                    .max().orElseThrow();
        }
        assertEquals(newest, SchemaVersion.LATEST, "update SchemaVersion.LATEST with each new migration");
    }

    @Test
    void aMigratedDatabaseIsCurrentAndAnEmptyOneIsNot() {
        try (Database db = TestDatabase.fresh()) {
            assertTrue(SchemaVersion.isCurrent(db.dataSource()));
            db.jdbi().useHandle(h -> h.execute("drop table flyway_schema_history"));
            assertTrue(!SchemaVersion.isCurrent(db.dataSource()));
        }
    }
}
