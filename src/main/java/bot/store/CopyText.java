package bot.store;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;

/**
 * Rows in PostgreSQL's COPY text format, sent with one {@code COPY ... FROM STDIN}: thousands of rows
 * in one statement, without a bind per value (a backtest's orders and round trips).
 */
final class CopyText {
    private final StringBuilder rows = new StringBuilder(1 << 12);
    private boolean rowStarted;

    CopyText value(long value) {
        separate().append(value);
        return this;
    }

    /** A decimal exactly as it is, scale included; null as NULL. */
    CopyText value(BigDecimal value) {
        if (value == null) {
            return nullValue();
        }
        separate().append(value.toPlainString());
        return this;
    }

    /** A time as ISO-8601 UTC, which timestamptz reads; null as NULL. */
    CopyText value(Instant value) {
        if (value == null) {
            return nullValue();
        }
        separate().append(value);
        return this;
    }

    /** Text with COPY's escapes for backslash, tab, newline and carriage return; null as NULL. */
    CopyText value(String value) {
        if (value == null) {
            return nullValue();
        }
        StringBuilder out = separate();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return this;
    }

    CopyText endRow() {
        rows.append('\n');
        rowStarted = false;
        return this;
    }

    /** Sends the rows with {@code copySql} ({@code COPY table (columns) FROM STDIN}); the count stored. */
    long into(Handle handle, String copySql) {
        try {
            return handle.getConnection().unwrap(PGConnection.class).getCopyAPI()
                    .copyIn(copySql, new StringReader(rows.toString()));
        } catch (SQLException e) {
            throw new DatabaseException("cannot store rows: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CopyText nullValue() {
        separate().append("\\N");
        return this;
    }

    private StringBuilder separate() {
        if (rowStarted) {
            rows.append('\t');
        }
        rowStarted = true;
        return rows;
    }
}
