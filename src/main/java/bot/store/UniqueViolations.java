package bot.store;

import java.sql.SQLException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Tells a unique-name violation (PostgreSQL state 23505) apart from other insert failures. */
final class UniqueViolations {
    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueViolations() {
    }

    static RuntimeException translate(UnableToExecuteStatementException e, String table, String name) {
        if (e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
            return new NameTakenException(table, name);
        }
        return e;
    }
}
