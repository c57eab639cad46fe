package bot.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** The newest migration in src/main/resources/db/migration (a test keeps the two in step). */
final class SchemaVersion {
    static final int LATEST = 12;

    private SchemaVersion() {
    }

    /** True when Flyway's history says every migration up to {@link #LATEST} succeeded. */
    static boolean isCurrent(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select coalesce(max(cast(version as int)), 0), bool_and(success)"
                     + " from flyway_schema_history where version is not null")) {
            return rs.next() && rs.getInt(1) == LATEST && rs.getBoolean(2);
        } catch (SQLException e) {
            return false; // no history table yet: a new database
        }
    }
}
