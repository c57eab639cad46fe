package bot.market;

import bot.domain.Interval;
import bot.domain.IntervalGrid;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The CSV of a Binance public kline file, checked row by row and turned into the text rows a
 * PostgreSQL COPY of the candles reads. Twelve columns as the REST klines row; SPOT files have no
 * header and, from 2025-01-01, times in microseconds; futures files have a header and
 * milliseconds: each file is decided by its first row, and every row must agree. Decimals are
 * checked and compared as text (no BigDecimal per field) and passed on exactly as written.
 * A row with the wrong column count, a price <= 0, high below low, open or close outside
 * [low, high], a negative volume, or an open time off the interval's grid (or a close time that
 * does not end its interval) refuses the whole file, naming the line.
 */
public final class KlineCsv {
    private static final int COLUMNS = 12;
    private static final int MILLIS_DIGITS = 13;
    private static final int MICROS_DIGITS = 16;
    private static final String[] PRICE_NAMES = {null, "open", "high", "low", "close"};

    private final byte[] in;
    private final Interval interval;
    private final int[] starts = new int[COLUMNS];
    private final int[] ends = new int[COLUMNS];
    private byte[] out;
    private int length;
    private int line;
    private int timeDigits;

    private KlineCsv(byte[] in, Interval interval) {
        this.in = in;
        this.interval = interval;
        this.out = new byte[Math.max(1024, in.length)];
    }

    /**
     * The rows of one COPY, tab-separated: open_time, close_time (epoch ms), open, high, low,
     * close, volume, quote_volume, trades; {@code firstOpen} and {@code lastOpen} are the earliest
     * and latest open times.
     */
    public record Rows(byte[] text, int length, int count, long firstOpen, long lastOpen, boolean header,
            boolean micros) {
        public InputStream stream() {
            return new ByteArrayInputStream(text, 0, length);
        }
    }

    /** @throws KlineFileException naming the first line that is not Binance's format */
    public static Rows parse(byte[] csv, Interval interval) throws KlineFileException {
        return new KlineCsv(csv, interval).rows();
    }

    private Rows rows() throws KlineFileException {
        int pos = 0;
        int count = 0;
        boolean header = false;
        long first = 0;
        long last = 0;
        if (in.length >= 3 && (in[0] & 0xff) == 0xEF && (in[1] & 0xff) == 0xBB && (in[2] & 0xff) == 0xBF) {
            pos = 3; // a byte order mark, as a spreadsheet may save
        }
        while (pos < in.length) {
            line++;
            int end = pos;
            while (end < in.length && in[end] != '\n') {
                end++;
            }
            int next = end + 1;
            if (end > pos && in[end - 1] == '\r') {
                end--;
            }
            if (line == 1 && end > pos && !digit(in[pos])) {
                split(pos, end);
                header = true;
            } else {
                long open = row(pos, end);
                first = count == 0 ? open : Math.min(first, open);
                last = count == 0 ? open : Math.max(last, open);
                count++;
            }
            pos = next;
        }
        if (count == 0) {
            throw new KlineFileException(0, "no candle rows");
        }
        return new Rows(out, length, count, first, last, header, timeDigits == MICROS_DIGITS);
    }

    /** Checks one data row, appends its COPY line and answers its open time in ms. */
    private long row(int from, int to) throws KlineFileException {
        split(from, to);
        long open = time(0, "open time");
        long close = time(6, "close time");
        if (!IntervalGrid.onGrid(interval, open)) {
            fail("open time " + text(0) + " is not on the " + interval.code() + " grid");
        }
        if (close != interval.next(open) - 1) {
            fail("close time " + text(6) + " does not end the " + interval.code() + " candle opened at " + text(0));
        }
        for (int column = 1; column <= 4; column++) {
            decimal(column, PRICE_NAMES[column]);
            if (!positive(column)) {
                fail(PRICE_NAMES[column] + " " + text(column) + " is not > 0");
            }
        }
        if (compare(2, 3) < 0) {
            fail("high " + text(2) + " is below low " + text(3));
        }
        if (compare(1, 2) > 0 || compare(4, 2) > 0 || compare(1, 3) < 0 || compare(4, 3) < 0) {
            fail("open " + text(1) + " or close " + text(4) + " is outside [low, high]");
        }
        decimal(5, "volume");
        decimal(7, "quote volume");
        decimal(9, "taker buy volume");
        decimal(10, "taker buy quote volume");
        if (ends[8] == starts[8] || ends[8] - starts[8] > 18 || !digits(starts[8], ends[8])) {
            fail("trade count '" + text(8) + "' is not a whole number");
        }
        appendLong(open);
        appendTab();
        appendLong(close);
        for (int column : new int[] {1, 2, 3, 4, 5, 7, 8}) {
            appendTab();
            append(starts[column], ends[column]);
        }
        ensure(1);
        out[length++] = '\n';
        return open;
    }

    private void split(int from, int to) throws KlineFileException {
        int column = 0;
        starts[0] = from;
        for (int i = from; i < to; i++) {
            if (in[i] == ',') {
                if (column + 1 >= COLUMNS) {
                    fail("more than " + COLUMNS + " columns");
                }
                ends[column++] = i;
                starts[column] = i + 1;
            }
        }
        ends[column] = to;
        if (column + 1 != COLUMNS) {
            fail((column + 1) + " columns, expected " + COLUMNS);
        }
    }

    /** A time column in epoch ms; the first row decides whether the file counts in ms or µs. */
    private long time(int column, String name) throws KlineFileException {
        int from = starts[column];
        int n = ends[column] - from;
        if (n == 0 || !digits(from, ends[column])) {
            fail(name + " '" + text(column) + "' is not a whole number");
        }
        if (timeDigits == 0) {
            if (n != MILLIS_DIGITS && n != MICROS_DIGITS) {
                fail(name + " " + text(column) + " is neither epoch milliseconds nor microseconds");
            }
            timeDigits = n;
        } else if (n != timeDigits) {
            fail(name + " " + text(column) + " has " + n + " digits where the file's first row has " + timeDigits);
        }
        long value = 0;
        for (int i = from; i < ends[column]; i++) {
            value = value * 10 + (in[i] - '0');
        }
        if (timeDigits == MICROS_DIGITS) {
            if (column == 0 && value % 1000 != 0) {
                fail(name + " " + text(column) + " is not a whole millisecond");
            }
            value /= 1000; // a close time ends in 999 µs: its millisecond, as REST reports it
        }
        return value;
    }

    /** A plain decimal: digits, at most one point, an optional minus sign (refused later as <= 0). */
    private void decimal(int column, String name) throws KlineFileException {
        int i = starts[column];
        int end = ends[column];
        if (i < end && in[i] == '-') {
            if (column >= 5) {
                fail(name + " " + text(column) + " is negative");
            }
            i++;
        }
        int digits = 0;
        boolean point = false;
        for (; i < end; i++) {
            byte b = in[i];
            if (digit(b)) {
                digits++;
            } else if (b == '.' && !point) {
                point = true;
            } else {
                digits = 0;
                break;
            }
        }
        if (digits == 0) {
            fail(name + " '" + text(column) + "' is not a decimal");
        }
    }

    private boolean positive(int column) {
        if (in[starts[column]] == '-') {
            return false;
        }
        for (int i = starts[column]; i < ends[column]; i++) {
            if (in[i] >= '1' && in[i] <= '9') {
                return true;
            }
        }
        return false;
    }

    /** Compares two positive plain decimals as text: integer parts by length then digits, then fractions. */
    private int compare(int a, int b) {
        int aStart = skipZeros(starts[a], ends[a]);
        int bStart = skipZeros(starts[b], ends[b]);
        int aPoint = point(aStart, ends[a]);
        int bPoint = point(bStart, ends[b]);
        int aInt = aPoint - aStart;
        int bInt = bPoint - bStart;
        if (aInt != bInt) {
            return Integer.compare(aInt, bInt);
        }
        for (int i = 0; i < aInt; i++) {
            int c = Byte.compare(in[aStart + i], in[bStart + i]);
            if (c != 0) {
                return c;
            }
        }
        int aFrac = aPoint < ends[a] ? aPoint + 1 : ends[a];
        int bFrac = bPoint < ends[b] ? bPoint + 1 : ends[b];
        int n = Math.max(ends[a] - aFrac, ends[b] - bFrac);
        for (int i = 0; i < n; i++) {
            byte x = aFrac + i < ends[a] ? in[aFrac + i] : (byte) '0';
            byte y = bFrac + i < ends[b] ? in[bFrac + i] : (byte) '0';
            if (x != y) {
                return Byte.compare(x, y);
            }
        }
        return 0;
    }

    private int skipZeros(int from, int to) {
        while (from < to && in[from] == '0') {
            from++;
        }
        return from;
    }

    private int point(int from, int to) {
        for (int i = from; i < to; i++) {
            if (in[i] == '.') {
                return i;
            }
        }
        return to;
    }

    private boolean digits(int from, int to) {
        for (int i = from; i < to; i++) {
            if (!digit(in[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean digit(byte b) {
        return b >= '0' && b <= '9';
    }

    private String text(int column) {
        int n = Math.min(ends[column] - starts[column], 40); // a garbage field is named, not dumped
        return new String(in, starts[column], n, StandardCharsets.UTF_8);
    }

    private void fail(String reason) throws KlineFileException {
        throw new KlineFileException(line, reason);
    }

    private void appendLong(long value) {
        ensure(20);
        if (value == 0) {
            out[length++] = '0';
            return;
        }
        int start = length;
        for (long v = value; v > 0; v /= 10) {
            out[length++] = (byte) ('0' + v % 10);
        }
        for (int i = start, j = length - 1; i < j; i++, j--) {
            byte t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
    }

    private void appendTab() {
        ensure(1);
        out[length++] = '\t';
    }

    private void append(int from, int to) {
        ensure(to - from);
        System.arraycopy(in, from, out, length, to - from);
        length += to - from;
    }

    private void ensure(int more) {
        if (length + more > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, length + more));
        }
    }
}
