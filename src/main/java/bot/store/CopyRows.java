package bot.store;

import bot.domain.CandleSeries;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A reader of rows of numbers in PostgreSQL's COPY text format, straight from its own buffer of
 * bytes: no strings, no per-byte calls. Text, not binary: the server writes a numeric as text in
 * less time than in its binary form (a year of candles: 0.39 against 0.47 CPU-seconds, and the
 * server is what a candle read waits on), and the rows are 40% smaller. Decimals go into a
 * {@link CandleSeries} as unscaled values and scales: no object per value.
 */
final class CopyRows implements AutoCloseable {
    private static final int MAX_LONG_DIGITS = 18;

    private final InputStream in;
    private byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private int lineEnd = -1;

    CopyRows(InputStream in) {
        this.in = in;
    }

    /** Moves to the next row; false at the end of the data. */
    boolean next() throws IOException {
        if (lineEnd >= 0 && position != lineEnd + 1) {
            throw new DatabaseException("unexpected COPY row: more fields than read");
        }
        while (true) {
            for (int i = position; i < limit; i++) {
                if (buffer[i] == '\n') {
                    lineEnd = i;
                    return true;
                }
            }
            if (!fill()) {
                if (position < limit) {
                    throw new DatabaseException("the COPY data ended inside a row");
                }
                return false;
            }
        }
    }

    /** A non-null integer field. */
    long int8() {
        int at = position;
        int end = fieldEnd();
        boolean negative = buffer[at] == '-';
        if (negative) {
            at++;
        }
        if (at == end) {
            throw unexpected("an integer", position, end);
        }
        if (end - at > MAX_LONG_DIGITS) {
            try {
                long wide = Long.parseLong(new String(buffer, position, end - position, StandardCharsets.US_ASCII));
                position = end + 1;
                return wide;
            } catch (NumberFormatException e) {
                throw unexpected("an integer", position, end);
            }
        }
        long value = 0;
        for (int i = at; i < end; i++) {
            int digit = buffer[i] - '0';
            if (digit < 0 || digit > 9) {
                throw unexpected("an integer", position, end);
            }
            value = value * 10 + digit;
        }
        position = end + 1;
        return negative ? -value : value;
    }

    /** A non-null numeric field, exact, with the scale its text shows, as decimal {@code column} of the row. */
    void numeric(CandleSeries.Builder row, int column) {
        int start = position;
        int end = fieldEnd();
        int at = start;
        boolean negative = buffer[at] == '-';
        if (negative) {
            at++;
        }
        long unscaled = 0;
        int digits = 0;
        int scale = 0;
        boolean point = false;
        for (int i = at; i < end; i++) {
            byte b = buffer[i];
            if (b == '.' && !point) {
                point = true;
                scale = end - i - 1;
                continue;
            }
            int digit = b - '0';
            if (digit < 0 || digit > 9) {
                throw unexpected("a numeric", start, end);
            }
            unscaled = unscaled * 10 + digit;
            digits++;
        }
        position = end + 1;
        if (digits == 0) {
            throw unexpected("a numeric", start, end);
        }
        if (digits > MAX_LONG_DIGITS) {
            row.decimal(column, new BigDecimal(new String(buffer, start, end - start, StandardCharsets.US_ASCII)));
        } else {
            row.decimal(column, negative ? -unscaled : unscaled, scale);
        }
    }

    /** Where the field at {@code position} ends: its tab, or the row's end. */
    private int fieldEnd() {
        for (int i = position; i < lineEnd; i++) {
            if (buffer[i] == '\t') {
                return i;
            }
        }
        if (position > lineEnd) {
            throw new DatabaseException("unexpected COPY row: fewer fields than read");
        }
        return lineEnd;
    }

    private DatabaseException unexpected(String what, int from, int to) {
        return new DatabaseException("unexpected COPY field, not " + what + ": "
                + new String(buffer, from, Math.min(to - from, 40), StandardCharsets.US_ASCII));
    }

    /** Keeps the unread bytes and reads more after them; false at the end of the data. */
    private boolean fill() throws IOException {
        int kept = limit - position;
        if (kept == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        System.arraycopy(buffer, position, buffer, 0, kept);
        position = 0;
        limit = kept;
        lineEnd = -1;
        int read = in.read(buffer, limit, buffer.length - limit);
        if (read < 0) {
            return false;
        }
        limit += read;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
