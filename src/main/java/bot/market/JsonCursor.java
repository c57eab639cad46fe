package bot.market;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * A strict reader over the bytes of one JSON message that allocates nothing but the decimals it
 * returns: keys and strings stay positions in the buffer. It knows just enough JSON to read a
 * kline event and to skip (and still check) any value it does not need. Not thread-safe.
 */
final class JsonCursor {
    private static final int MAX_DEPTH = 32;
    /** Longest unscaled value read without BigInteger: 18 digits always fit in a long. */
    private static final int FAST_DIGITS = 18;

    private byte[] bytes;
    private int pos;
    private int end;
    /** Bounds of the last string or key read (content only, quotes excluded). */
    private int strStart;
    private int strEnd;
    private boolean strEscaped;

    void reset(byte[] buffer, int offset, int length) {
        this.bytes = buffer;
        this.pos = offset;
        this.end = offset + length;
    }

    /** Consumes '{'; true when a member follows, false when the object was empty ('}' consumed). */
    boolean beginObject() throws MalformedEventException {
        expect('{');
        return !consumeIf('}');
    }

    /** After a member's value: true when another member follows, false at the closing '}'. */
    boolean nextMember() throws MalformedEventException {
        if (consumeIf(',')) {
            return true;
        }
        expect('}');
        return false;
    }

    /** Reads a member's key and the colon after it. */
    void readKey() throws MalformedEventException {
        readString();
        expect(':');
    }

    boolean keyIs(char name) {
        return strEnd - strStart == 1 && bytes[strStart] == name;
    }

    /** True when the last key or string read is exactly {@code expected} (unescaped). */
    boolean stringIs(byte[] expected) {
        int length = strEnd - strStart;
        if (length != expected.length || strEscaped) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (bytes[strStart + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    int stringStart() {
        return strStart;
    }

    int stringEnd() {
        return strEnd;
    }

    byte[] buffer() {
        return bytes;
    }

    void readString() throws MalformedEventException {
        expect('"');
        int start = pos;
        boolean escaped = false;
        while (true) {
            if (pos >= end) {
                throw error("unterminated string");
            }
            byte c = bytes[pos];
            if (c == '"') {
                break;
            }
            if (c == '\\') {
                escaped = true;
                pos += 2;
                continue;
            }
            if ((c & 0xff) < 0x20) {
                throw error("control character in string");
            }
            pos++;
        }
        strStart = start;
        strEnd = pos;
        strEscaped = escaped;
        pos++;
    }

    long readLong() throws MalformedEventException {
        skipWhitespace();
        boolean negative = pos < end && bytes[pos] == '-';
        if (negative) {
            pos++;
        }
        long value = 0;
        int digits = 0;
        while (pos < end && bytes[pos] >= '0' && bytes[pos] <= '9') {
            if (++digits > FAST_DIGITS) {
                throw error("integer too long");
            }
            value = value * 10 + (bytes[pos++] - '0');
        }
        if (digits == 0) {
            throw error("integer expected");
        }
        if (pos < end && (bytes[pos] == '.' || bytes[pos] == 'e' || bytes[pos] == 'E')) {
            throw error("integer expected");
        }
        return negative ? -value : value;
    }

    /** A decimal written as a JSON string ("66477.91000000"), exact, scale kept. */
    BigDecimal readDecimalString() throws MalformedEventException {
        readString();
        int i = strStart;
        if (strEscaped || i == strEnd) {
            throw error("decimal expected");
        }
        boolean negative = bytes[i] == '-';
        if (negative) {
            i++;
        }
        long unscaled = 0;
        int digits = 0;
        int scale = -1;
        for (; i < strEnd; i++) {
            byte c = bytes[i];
            if (c >= '0' && c <= '9') {
                if (++digits > FAST_DIGITS) {
                    return slowDecimal();
                }
                unscaled = unscaled * 10 + (c - '0');
                if (scale >= 0) {
                    scale++;
                }
            } else if (c == '.' && scale < 0) {
                scale = 0;
            } else {
                return slowDecimal();
            }
        }
        if (digits == 0) {
            throw error("decimal expected");
        }
        return BigDecimal.valueOf(negative ? -unscaled : unscaled, Math.max(scale, 0));
    }

    /** Long mantissas and exponents: rare, so the JDK's parser through a String is fine. */
    private BigDecimal slowDecimal() throws MalformedEventException {
        try {
            return new BigDecimal(new String(bytes, strStart, strEnd - strStart, StandardCharsets.ISO_8859_1));
        } catch (NumberFormatException e) {
            throw error("decimal expected");
        }
    }

    boolean readBoolean() throws MalformedEventException {
        skipWhitespace();
        if (literal("true")) {
            return true;
        }
        if (literal("false")) {
            return false;
        }
        throw error("boolean expected");
    }

    /** Skips any JSON value, checking its syntax. */
    void skipValue() throws MalformedEventException {
        skipValue(0);
    }

    private void skipValue(int depth) throws MalformedEventException {
        if (depth > MAX_DEPTH) {
            throw error("nested too deep");
        }
        skipWhitespace();
        if (pos >= end) {
            throw error("value expected");
        }
        byte c = bytes[pos];
        switch (c) {
            case '{' -> {
                if (beginObject()) {
                    do {
                        readKey();
                        skipValue(depth + 1);
                    } while (nextMember());
                }
            }
            case '[' -> {
                pos++;
                if (!consumeIf(']')) {
                    do {
                        skipValue(depth + 1);
                    } while (consumeIf(','));
                    expect(']');
                }
            }
            case '"' -> readString();
            case 't', 'f', 'n' -> {
                if (!literal("true") && !literal("false") && !literal("null")) {
                    throw error("value expected");
                }
            }
            default -> skipNumber();
        }
    }

    private void skipNumber() throws MalformedEventException {
        int start = pos;
        boolean digit = false;
        while (pos < end) {
            byte c = bytes[pos];
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c != '-' && c != '+' && c != '.' && c != 'e' && c != 'E') {
                break;
            }
            pos++;
        }
        if (!digit) {
            pos = start;
            throw error("value expected");
        }
    }

    private boolean literal(String word) {
        int length = word.length();
        if (end - pos < length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (bytes[pos + i] != word.charAt(i)) {
                return false;
            }
        }
        pos += length;
        return true;
    }

    /** Nothing but whitespace may follow the message's value. */
    void expectEnd() throws MalformedEventException {
        skipWhitespace();
        if (pos != end) {
            throw error("trailing data");
        }
    }

    private void expect(char c) throws MalformedEventException {
        if (!consumeIf(c)) {
            throw error("'" + c + "' expected");
        }
    }

    private boolean consumeIf(char c) {
        skipWhitespace();
        if (pos < end && bytes[pos] == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void skipWhitespace() {
        while (pos < end) {
            byte c = bytes[pos];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            pos++;
        }
    }

    private MalformedEventException error(String what) {
        return new MalformedEventException("bad JSON: " + what + " at byte " + pos, null);
    }
}
