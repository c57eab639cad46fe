package bot.market;

import bot.domain.Candle;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Turns one kline stream message (plain, or wrapped as {@code {"stream":..,"data":..}}) straight
 * into a {@link Candle} of one of the subscribed streams, or recognises {@code serverShutdown}.
 * Anything else, and any candle that is impossible or names another symbol or interval, is a
 * {@link MalformedEventException}. One instance per connection's reader thread: not thread-safe.
 */
public final class KlineEventParser {
    private static final byte[] STREAM = ascii("stream");
    private static final byte[] DATA = ascii("data");
    private static final byte[] KLINE = ascii("kline");
    private static final byte[] SHUTDOWN = ascii("serverShutdown");
    private static final byte[] SHUTDOWN_STREAM = ascii("!serverShutdown");

    private static final int OPEN_TIME = 1;
    private static final int CLOSE_TIME = 1 << 1;
    private static final int OPEN = 1 << 2;
    private static final int HIGH = 1 << 3;
    private static final int LOW = 1 << 4;
    private static final int CLOSE = 1 << 5;
    private static final int VOLUME = 1 << 6;
    private static final int QUOTE_VOLUME = 1 << 7;
    private static final int TRADES = 1 << 8;
    private static final int CLOSED = 1 << 9;
    private static final int KLINE_SYMBOL = 1 << 10;
    private static final int KLINE_INTERVAL = 1 << 11;
    private static final int ALL = (1 << 12) - 1;
    private static final String[] FIELD_NAMES = {"k.t", "k.T", "k.o", "k.h", "k.l", "k.c", "k.v", "k.q", "k.n", "k.x",
        "k.s", "k.i"};

    private static final int EVENT_NONE = 0;
    private static final int EVENT_KLINE = 1;
    private static final int EVENT_SHUTDOWN = 2;
    private static final int EVENT_OTHER = 3;

    private final StreamTable streams;
    private final JsonCursor cursor = new JsonCursor();

    // What the current message said; positions point into the cursor's buffer.
    private int eventType;
    private int streamStart;
    private int streamEnd;
    private int symbolStart;
    private int symbolEnd;
    private int klineSymbolStart;
    private int klineSymbolEnd;
    private int intervalStart;
    private int intervalEnd;
    private int seen;
    private long openTime;
    private long closeTime;
    private BigDecimal open;
    private BigDecimal high;
    private BigDecimal low;
    private BigDecimal close;
    private BigDecimal volume;
    private BigDecimal quoteVolume;
    private long trades;
    private boolean closed;

    public KlineEventParser(List<KlineStream> subscribed) {
        this.streams = new StreamTable(subscribed);
    }

    public StreamMessage parse(String text) throws MalformedEventException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return parse(bytes, 0, bytes.length);
    }

    public StreamMessage parse(byte[] bytes) throws MalformedEventException {
        return parse(bytes, 0, bytes.length);
    }

    public StreamMessage parse(byte[] bytes, int offset, int length) throws MalformedEventException {
        cursor.reset(bytes, offset, length);
        eventType = EVENT_NONE;
        streamStart = -1;
        symbolStart = -1;
        seen = 0;
        readObject(true);
        cursor.expectEnd();
        return resolve(bytes);
    }

    private void readObject(boolean top) throws MalformedEventException {
        if (!cursor.beginObject()) {
            return;
        }
        do {
            cursor.readKey();
            if (top && cursor.stringIs(STREAM)) {
                cursor.readString();
                streamStart = cursor.stringStart();
                streamEnd = cursor.stringEnd();
            } else if (top && cursor.stringIs(DATA)) {
                readObject(false);
            } else if (cursor.keyIs('e')) {
                cursor.readString();
                eventType = cursor.stringIs(KLINE) ? EVENT_KLINE : cursor.stringIs(SHUTDOWN) ? EVENT_SHUTDOWN : EVENT_OTHER;
            } else if (cursor.keyIs('s')) {
                cursor.readString();
                symbolStart = cursor.stringStart();
                symbolEnd = cursor.stringEnd();
            } else if (cursor.keyIs('k')) {
                readKline();
            } else {
                cursor.skipValue();
            }
        } while (cursor.nextMember());
    }

    private void readKline() throws MalformedEventException {
        if (!cursor.beginObject()) {
            return;
        }
        do {
            cursor.readKey();
            int key = cursor.stringEnd() - cursor.stringStart() == 1 ? cursor.buffer()[cursor.stringStart()] : -1;
            switch (key) {
                case 't' -> { openTime = cursor.readLong(); seen |= OPEN_TIME; }
                case 'T' -> { closeTime = cursor.readLong(); seen |= CLOSE_TIME; }
                case 'o' -> { open = cursor.readDecimalString(); seen |= OPEN; }
                case 'h' -> { high = cursor.readDecimalString(); seen |= HIGH; }
                case 'l' -> { low = cursor.readDecimalString(); seen |= LOW; }
                case 'c' -> { close = cursor.readDecimalString(); seen |= CLOSE; }
                case 'v' -> { volume = cursor.readDecimalString(); seen |= VOLUME; }
                case 'q' -> { quoteVolume = cursor.readDecimalString(); seen |= QUOTE_VOLUME; }
                case 'n' -> { trades = cursor.readLong(); seen |= TRADES; }
                case 'x' -> { closed = cursor.readBoolean(); seen |= CLOSED; }
                case 's' -> {
                    cursor.readString();
                    klineSymbolStart = cursor.stringStart();
                    klineSymbolEnd = cursor.stringEnd();
                    seen |= KLINE_SYMBOL;
                }
                case 'i' -> {
                    cursor.readString();
                    intervalStart = cursor.stringStart();
                    intervalEnd = cursor.stringEnd();
                    seen |= KLINE_INTERVAL;
                }
                default -> cursor.skipValue();
            }
        } while (cursor.nextMember());
    }

    private StreamMessage resolve(byte[] bytes) throws MalformedEventException {
        StreamTable.Entry entry = null;
        if (streamStart >= 0) {
            if (equal(bytes, streamStart, streamEnd, SHUTDOWN_STREAM)) {
                return StreamMessage.SERVER_SHUTDOWN;
            }
            entry = streams.byName(bytes, streamStart, streamEnd);
            if (entry == null) {
                throw new MalformedEventException("message of unsubscribed stream '" + text(bytes, streamStart, streamEnd)
                        + "'", null);
            }
        }
        if (eventType == EVENT_SHUTDOWN) {
            return StreamMessage.SERVER_SHUTDOWN;
        }
        if (entry == null) {
            entry = streams.only();
        }
        KlineStream stream = entry == null ? null : entry.stream();
        if (eventType != EVENT_KLINE) {
            throw new MalformedEventException("not a kline event", stream);
        }
        if (seen != ALL) {
            throw new MalformedEventException("missing field " + FIELD_NAMES[Integer.numberOfTrailingZeros(~seen & ALL)],
                    stream);
        }
        if (entry == null) {
            entry = streams.bySymbolAndInterval(bytes, klineSymbolStart, klineSymbolEnd, intervalStart, intervalEnd);
            if (entry == null) {
                throw new MalformedEventException("kline of unsubscribed stream " + text(bytes, klineSymbolStart,
                        klineSymbolEnd) + " " + text(bytes, intervalStart, intervalEnd), null);
            }
            stream = entry.stream();
        }
        checkNames(bytes, entry);
        Candle candle = new Candle(stream.symbol(), stream.interval(), openTime, closeTime, open, high, low, close, volume,
                quoteVolume, trades, closed);
        String defect = candle.defect();
        if (defect != null) {
            throw new MalformedEventException("impossible candle at " + openTime + ": " + defect, stream);
        }
        if (closeTime != stream.interval().next(openTime) - 1) {
            throw new MalformedEventException("impossible candle at " + openTime + ": close time " + closeTime
                    + " does not end the interval", stream);
        }
        return new StreamMessage.KlineUpdate(stream, candle);
    }

    private void checkNames(byte[] bytes, StreamTable.Entry entry) throws MalformedEventException {
        if (!equal(bytes, klineSymbolStart, klineSymbolEnd, entry.symbol())) {
            throw new MalformedEventException("wrong symbol '" + text(bytes, klineSymbolStart, klineSymbolEnd) + "'",
                    entry.stream());
        }
        if (symbolStart >= 0 && !equal(bytes, symbolStart, symbolEnd, entry.symbol())) {
            throw new MalformedEventException("wrong symbol '" + text(bytes, symbolStart, symbolEnd) + "'",
                    entry.stream());
        }
        if (!equal(bytes, intervalStart, intervalEnd, entry.interval())) {
            throw new MalformedEventException("wrong interval '" + text(bytes, intervalStart, intervalEnd) + "'",
                    entry.stream());
        }
    }

    static boolean equal(byte[] bytes, int start, int end, byte[] expected) {
        return Arrays.equals(bytes, start, end, expected, 0, expected.length);
    }

    private static String text(byte[] bytes, int start, int end) {
        return new String(bytes, start, end - start, StandardCharsets.UTF_8);
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
