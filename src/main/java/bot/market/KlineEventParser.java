package bot.market;

import bot.domain.Candle;
import bot.json.Json;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one kline stream message (plain, or wrapped as {@code {"stream":..,"data":..}}) into a
 * {@link Candle} of one of the subscribed streams, or recognises {@code serverShutdown}, with
 * Jackson's streaming parser. Anything else, and any candle that is impossible or names another
 * symbol or interval, is a {@link MalformedEventException}. One instance per connection's reader
 * thread: not thread-safe.
 */
public final class KlineEventParser {
    private static final String SHUTDOWN_STREAM = "!serverShutdown";

    private final Map<String, KlineStream> byName = new HashMap<>();
    /** For the rare plain-form message on a connection of several streams. */
    private final Map<String, KlineStream> bySymbolAndInterval = new HashMap<>();
    /** The single stream of a one-stream connection (the plain {@code /ws/} form), or null. */
    private final KlineStream only;

    public KlineEventParser(List<KlineStream> subscribed) {
        for (KlineStream stream : subscribed) {
            byName.put(stream.name(), stream);
            bySymbolAndInterval.put(stream.symbol() + " " + stream.interval().code(), stream);
        }
        this.only = subscribed.size() == 1 ? subscribed.get(0) : null;
    }

    public StreamMessage parse(String text) throws MalformedEventException {
        try (JsonParser json = Json.FACTORY.createParser(text)) {
            return read(json);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("not JSON: " + e.getOriginalMessage(), null);
        } catch (IOException e) {
            throw new MalformedEventException("unreadable: " + e.getMessage(), null);
        }
    }

    public StreamMessage parse(byte[] bytes) throws MalformedEventException {
        try (JsonParser json = Json.FACTORY.createParser(bytes)) {
            return read(json);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("not JSON: " + e.getOriginalMessage(), null);
        } catch (IOException e) {
            throw new MalformedEventException("unreadable: " + e.getMessage(), null);
        }
    }

    private StreamMessage read(JsonParser json) throws IOException, MalformedEventException {
        KlineMessage message = new KlineMessage();
        if (json.nextToken() != JsonToken.START_OBJECT) {
            throw new MalformedEventException("not a JSON object", null);
        }
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String name = json.currentName();
            json.nextToken();
            switch (name) {
                case "stream" -> message.stream = text(json, name);
                case "data" -> {
                    expectObject(json, name);
                    while (json.nextToken() == JsonToken.FIELD_NAME) {
                        String member = json.currentName();
                        json.nextToken();
                        eventMember(json, member, message);
                    }
                }
                default -> eventMember(json, name, message);
            }
        }
        if (json.nextToken() != null) {
            throw new MalformedEventException("more than one JSON value", null);
        }
        return resolve(message);
    }

    /** A member of the event itself, at the top (plain form) or inside {@code data} (combined form). */
    private static void eventMember(JsonParser json, String name, KlineMessage message)
            throws IOException, MalformedEventException {
        switch (name) {
            case "e" -> message.eventType = text(json, name);
            case "s" -> message.eventSymbol = text(json, name);
            case "k" -> readKline(json, message);
            default -> json.skipChildren();
        }
    }

    private static void readKline(JsonParser json, KlineMessage m) throws IOException, MalformedEventException {
        expectObject(json, "k");
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String name = json.currentName();
            json.nextToken();
            switch (name) {
                case "t" -> m.openTime = integer(json, m, KlineMessage.OPEN_TIME);
                case "T" -> m.closeTime = integer(json, m, KlineMessage.CLOSE_TIME);
                case "o" -> m.open = decimal(json, m, KlineMessage.OPEN);
                case "h" -> m.high = decimal(json, m, KlineMessage.HIGH);
                case "l" -> m.low = decimal(json, m, KlineMessage.LOW);
                case "c" -> m.close = decimal(json, m, KlineMessage.CLOSE);
                case "v" -> m.volume = decimal(json, m, KlineMessage.VOLUME);
                case "q" -> m.quoteVolume = decimal(json, m, KlineMessage.QUOTE_VOLUME);
                case "n" -> m.trades = integer(json, m, KlineMessage.TRADES);
                case "x" -> {
                    if (!json.currentToken().isBoolean()) {
                        throw new MalformedEventException("k.x is not a boolean", null);
                    }
                    m.closed = json.getBooleanValue();
                    m.seen |= KlineMessage.CLOSED;
                }
                case "s" -> {
                    m.klineSymbol = text(json, "k.s");
                    m.seen |= KlineMessage.KLINE_SYMBOL;
                }
                case "i" -> {
                    m.interval = text(json, "k.i");
                    m.seen |= KlineMessage.KLINE_INTERVAL;
                }
                default -> json.skipChildren();
            }
        }
    }

    private StreamMessage resolve(KlineMessage m) throws MalformedEventException {
        KlineStream stream = null;
        if (m.stream != null) {
            if (m.stream.equals(SHUTDOWN_STREAM)) {
                return StreamMessage.SERVER_SHUTDOWN;
            }
            stream = byName.get(m.stream);
            if (stream == null) {
                throw new MalformedEventException("message of unsubscribed stream '" + m.stream + "'", null);
            }
        }
        if ("serverShutdown".equals(m.eventType)) {
            return StreamMessage.SERVER_SHUTDOWN;
        }
        if (stream == null) {
            stream = only;
        }
        if (!"kline".equals(m.eventType)) {
            throw new MalformedEventException("not a kline event", stream);
        }
        String missing = m.missingField();
        if (missing != null) {
            throw new MalformedEventException("missing field " + missing, stream);
        }
        if (stream == null) {
            stream = bySymbolAndInterval.get(m.klineSymbol + " " + m.interval);
            if (stream == null) {
                throw new MalformedEventException("kline of unsubscribed stream " + m.klineSymbol + " " + m.interval, null);
            }
        }
        if (!m.klineSymbol.equals(stream.symbol()) || m.eventSymbol != null && !m.eventSymbol.equals(stream.symbol())) {
            String wrong = m.klineSymbol.equals(stream.symbol()) ? m.eventSymbol : m.klineSymbol;
            throw new MalformedEventException("wrong symbol '" + wrong + "'", stream);
        }
        if (!m.interval.equals(stream.interval().code())) {
            throw new MalformedEventException("wrong interval '" + m.interval + "'", stream);
        }
        Candle candle = new Candle(stream.symbol(), stream.interval(), m.openTime, m.closeTime, m.open, m.high, m.low,
                m.close, m.volume, m.quoteVolume, m.trades, m.closed);
        String defect = candle.defect();
        if (defect != null) {
            throw new MalformedEventException("impossible candle at " + m.openTime + ": " + defect, stream);
        }
        if (m.closeTime != stream.interval().next(m.openTime) - 1) {
            throw new MalformedEventException("impossible candle at " + m.openTime + ": close time " + m.closeTime
                    + " does not end the interval", stream);
        }
        return new StreamMessage.KlineUpdate(stream, candle);
    }

    private static void expectObject(JsonParser json, String field) throws MalformedEventException {
        if (json.currentToken() != JsonToken.START_OBJECT) {
            throw new MalformedEventException(field + " is not an object", null);
        }
    }

    private static String text(JsonParser json, String field) throws IOException, MalformedEventException {
        if (json.currentToken() != JsonToken.VALUE_STRING) {
            throw new MalformedEventException(field + " is not a string", null);
        }
        return json.getText();
    }

    private static long integer(JsonParser json, KlineMessage m, int field) throws IOException, MalformedEventException {
        if (json.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            throw new MalformedEventException(KlineMessage.name(field) + " is not an integer", null);
        }
        m.seen |= field;
        return json.getLongValue();
    }

    /** Prices and volumes are strings on the wire; read exactly, never through double. */
    private static BigDecimal decimal(JsonParser json, KlineMessage m, int field) throws IOException, MalformedEventException {
        if (json.currentToken() != JsonToken.VALUE_STRING) {
            throw new MalformedEventException(KlineMessage.name(field) + " is not a decimal in a string", null);
        }
        try {
            // straight from the parser's buffer: no String on the way
            BigDecimal value = DecimalChars.parse(json.getTextCharacters(), json.getTextOffset(), json.getTextLength());
            m.seen |= field;
            return value;
        } catch (NumberFormatException e) {
            throw new MalformedEventException(KlineMessage.name(field) + " is not a decimal", null);
        }
    }

    /** What one message said, as it is read. */
    private static final class KlineMessage {
        static final int OPEN_TIME = 1;
        static final int CLOSE_TIME = 1 << 1;
        static final int OPEN = 1 << 2;
        static final int HIGH = 1 << 3;
        static final int LOW = 1 << 4;
        static final int CLOSE = 1 << 5;
        static final int VOLUME = 1 << 6;
        static final int QUOTE_VOLUME = 1 << 7;
        static final int TRADES = 1 << 8;
        static final int CLOSED = 1 << 9;
        static final int KLINE_SYMBOL = 1 << 10;
        static final int KLINE_INTERVAL = 1 << 11;
        static final int ALL = (1 << 12) - 1;
        private static final String[] NAMES = {"k.t", "k.T", "k.o", "k.h", "k.l", "k.c", "k.v", "k.q", "k.n", "k.x",
            "k.s", "k.i"};

        String stream;
        String eventType;
        String eventSymbol;
        String klineSymbol;
        String interval;
        int seen;
        long openTime;
        long closeTime;
        BigDecimal open;
        BigDecimal high;
        BigDecimal low;
        BigDecimal close;
        BigDecimal volume;
        BigDecimal quoteVolume;
        long trades;
        boolean closed;

        static String name(int field) {
            return NAMES[Integer.numberOfTrailingZeros(field)];
        }

        /** The first kline field the message lacks, or null. */
        String missingField() {
            return seen == ALL ? null : name(~seen & ALL);
        }
    }
}
