package bot.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.domain.Candle;
import bot.domain.Interval;
import bot.testing.TestData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KlineEventParserTest {
    private static final String EVENT = TestData.text("kline-event-btcusdt-1m.json").strip();
    private static final KlineStream BTC = new KlineStream("BTCUSDT", Interval.M1);
    private static final KlineStream ETH = new KlineStream("ETHUSDT", Interval.M5);
    /** The recording's values, written out. */
    private static final Candle RECORDED = new Candle("BTCUSDT", Interval.M1, 1718667720000L, 1718667779999L,
            new BigDecimal("66477.91000000"), new BigDecimal("66477.91000000"), new BigDecimal("66468.00000000"),
            new BigDecimal("66472.20000000"), new BigDecimal("10.75371000"), new BigDecimal("714783.46215380"), 246,
            false);

    private final KlineEventParser parser = new KlineEventParser(List.of(BTC, ETH));

    private static Candle candle(StreamMessage message) {
        return ((StreamMessage.KlineUpdate) message).candle();
    }

    @Test
    void recordedEventParsesToTheRecordedValuesExactly() throws Exception {
        Candle parsed = candle(new KlineEventParser(List.of(BTC)).parse(EVENT));
        assertEquals(RECORDED, parsed);
        // scale too: "66477.91000000" stays eight decimals
        assertEquals("66477.91000000", parsed.open().toPlainString());
        assertEquals("714783.46215380", parsed.quoteVolume().toPlainString());
    }

    @Test
    void recordedEventEqualsAnIndependentReadingOfTheFile() throws Exception {
        JsonNode k = new ObjectMapper().readTree(EVENT).get("k");
        Candle independent = new Candle(k.get("s").asText(), Interval.parse(k.get("i").asText()), k.get("t").asLong(),
                k.get("T").asLong(), new BigDecimal(k.get("o").asText()), new BigDecimal(k.get("h").asText()),
                new BigDecimal(k.get("l").asText()), new BigDecimal(k.get("c").asText()),
                new BigDecimal(k.get("v").asText()), new BigDecimal(k.get("q").asText()), k.get("n").asLong(),
                k.get("x").asBoolean());
        assertEquals(independent, candle(parser.parse(EVENT.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void combinedFormIsUnwrappedAndNamesItsStream() throws Exception {
        StreamMessage message = parser.parse("{\"stream\":\"btcusdt@kline_1m\",\"data\":" + EVENT + "}");
        StreamMessage.KlineUpdate update = (StreamMessage.KlineUpdate) message;
        assertEquals(BTC, update.stream());
        assertEquals(RECORDED, update.candle());
    }

    @Test
    void fieldOrderAndWhitespaceDoNotMatter() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String pretty = json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(EVENT));
        assertEquals(RECORDED, candle(parser.parse("{\"data\":" + pretty + ",\n \"stream\" : \"btcusdt@kline_1m\"}")));
        String reordered = "{\"k\":{\"x\":false,\"B\":\"0\",\"q\":\"714783.46215380\",\"n\":246,\"v\":\"10.75371000\","
                + "\"l\":\"66468.00000000\",\"h\":\"66477.91000000\",\"c\":\"66472.20000000\",\"o\":\"66477.91000000\","
                + "\"i\":\"1m\",\"s\":\"BTCUSDT\",\"T\":1718667779999,\"t\":1718667720000,\"extra\":[1,{\"a\":null}]},"
                + "\"s\":\"BTCUSDT\",\"E\":1718667728540,\"e\":\"kline\"}";
        assertEquals(RECORDED, candle(new KlineEventParser(List.of(BTC)).parse(reordered)));
    }

    @Test
    void plainEventOnAConnectionOfSeveralStreamsIsMatchedBySymbolAndInterval() throws Exception {
        assertEquals(RECORDED, candle(parser.parse(EVENT)));
    }

    @Test
    void closedFlagAndLongDecimalsAreKept() throws Exception {
        String closed = EVENT.replace("\"x\":false", "\"x\":true")
                .replace("\"v\":\"10.75371000\"", "\"v\":\"12345678901234567890.123456789\"");
        Candle parsed = candle(parser.parse(closed));
        assertTrue(parsed.closed());
        assertEquals(new BigDecimal("12345678901234567890.123456789"), parsed.volume());
    }

    @Test
    void serverShutdownIsRecognisedInBothForms() throws Exception {
        String event = "{\"e\":\"serverShutdown\",\"E\":1770123456789}";
        assertSame(StreamMessage.SERVER_SHUTDOWN, parser.parse(event));
        assertSame(StreamMessage.SERVER_SHUTDOWN, parser.parse("{\"stream\":\"!serverShutdown\",\"data\":" + event + "}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "   ", "garbage", "{", "}", "[]", "[1,2,3]", "null", "{\"e\":\"kline\"", "{\"e\":\"kline\",}",
        "{\"e\":kline}", "{\"e\":\"kline\",\"k\":{\"t\":1.5}}", "{\"result\":null,\"id\":1}",
        "{\"code\":2,\"msg\":\"Invalid request\"}", "{\"e\":\"trade\",\"s\":\"BTCUSDT\"}",
        "{\"stream\":\"dogeusdt@kline_1m\",\"data\":{}}", "{\"e\":\"kline\",\"s\":\"BTCUSDT\",\"k\":{}}",
        "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]"})
    void garbageIsRejected(String message) {
        assertThrows(MalformedEventException.class, () -> parser.parse(message));
    }

    @Test
    void truncatedOrPaddedEventsAreRejected() {
        for (int cut = 0; cut < EVENT.length(); cut += 7) {
            String truncated = EVENT.substring(0, cut);
            assertThrows(MalformedEventException.class, () -> parser.parse(truncated), truncated);
        }
        assertThrows(MalformedEventException.class, () -> parser.parse(EVENT + "x"));
        assertThrows(MalformedEventException.class, () -> parser.parse(EVENT + EVENT));
    }

    @Test
    void everyMissingFieldIsNamed() {
        List<String> fields = List.of("\"t\":1718667720000,", "\"T\":1718667779999,", "\"o\":\"66477.91000000\",",
                "\"c\":\"66472.20000000\",", "\"h\":\"66477.91000000\",", "\"l\":\"66468.00000000\",",
                "\"v\":\"10.75371000\",", "\"n\":246,", "\"x\":false,", "\"q\":\"714783.46215380\",", "\"i\":\"1m\",");
        for (String field : fields) {
            String without = EVENT.replace(field, "");
            MalformedEventException e = assertThrows(MalformedEventException.class, () -> parser.parse(without), field);
            assertTrue(e.getMessage().startsWith("missing field k."), e.getMessage());
        }
    }

    @Test
    void impossibleCandlesAreRejectedNamingTheirStream() {
        List<String> impossible = new ArrayList<>(List.of(
                EVENT.replace("\"l\":\"66468.00000000\"", "\"l\":\"66500.00000000\""),   // low above high
                EVENT.replace("\"o\":\"66477.91000000\"", "\"o\":\"0\""),                 // non-positive price
                EVENT.replace("\"c\":\"66472.20000000\"", "\"c\":\"-1\""),
                EVENT.replace("\"c\":\"66472.20000000\"", "\"c\":\"70000\""),             // close above high
                EVENT.replace("\"v\":\"10.75371000\"", "\"v\":\"-10\""),                  // negative volume
                EVENT.replace("\"T\":1718667779999", "\"T\":1718667780000"),              // not the interval's end
                EVENT.replace("\"o\":\"66477.91000000\"", "\"o\":\"abc\""),
                EVENT.replace("\"o\":\"66477.91000000\"", "\"o\":66477.91")));
        for (String event : impossible) {
            MalformedEventException e = assertThrows(MalformedEventException.class, () -> parser.parse(event), event);
            if (!event.contains("abc") && !event.contains("\"o\":66477.91")) {
                assertEquals(BTC, e.stream(), e.getMessage());
            }
        }
    }

    @Test
    void wrongSymbolOrIntervalIsRejected() {
        String wrapped = "{\"stream\":\"btcusdt@kline_1m\",\"data\":%s}";
        MalformedEventException otherSymbol = assertThrows(MalformedEventException.class,
                () -> parser.parse(wrapped.formatted(EVENT.replace("BTCUSDT", "ETHUSDT"))));
        assertTrue(otherSymbol.getMessage().contains("wrong symbol 'ETHUSDT'"), otherSymbol.getMessage());
        assertEquals(BTC, otherSymbol.stream());
        MalformedEventException eventSymbol = assertThrows(MalformedEventException.class,
                () -> parser.parse(wrapped.formatted(EVENT.replaceFirst("\"s\":\"BTCUSDT\"", "\"s\":\"XRPETH\""))));
        assertTrue(eventSymbol.getMessage().contains("wrong symbol 'XRPETH'"), eventSymbol.getMessage());
        MalformedEventException interval = assertThrows(MalformedEventException.class,
                () -> parser.parse(wrapped.formatted(EVENT.replace("\"i\":\"1m\"", "\"i\":\"5m\""))));
        assertTrue(interval.getMessage().contains("wrong interval '5m'"), interval.getMessage());
        // plain form on a one-stream connection: the connection's stream is the reference
        assertThrows(MalformedEventException.class,
                () -> new KlineEventParser(List.of(ETH)).parse(EVENT));
    }

    @Test
    void aParserKeepsWorkingAfterRejections() throws Exception {
        assertThrows(MalformedEventException.class, () -> parser.parse("{\"e\":\"kline\",\"k\":{\"o\":\"1"));
        assertEquals(RECORDED, candle(parser.parse(EVENT)));
    }

    @Test
    void aThousandStreamsAreEachFoundByName() throws Exception {
        List<KlineStream> many = new ArrayList<>();
        for (int i = 0; i < 1024; i++) {
            many.add(new KlineStream("SYM" + i + "USDT", Interval.values()[i % 15]));
        }
        KlineEventParser big = new KlineEventParser(many);
        for (KlineStream stream : many) {
            String event = EVENT.replace("BTCUSDT", stream.symbol()).replace("\"i\":\"1m\"", "\"i\":\"" + stream.interval()
                    + "\"").replace("1718667779999", Long.toString(stream.interval().next(1718667720000L) - 1));
            StreamMessage.KlineUpdate update = (StreamMessage.KlineUpdate) big.parse(
                    "{\"stream\":\"" + stream.name() + "\",\"data\":" + event + "}");
            assertSame(stream, update.stream());
            assertSame(stream.symbol(), update.candle().symbol());
        }
    }

    @Test
    void malformedExceptionHasNoStackTraceToFill() {
        MalformedEventException e = assertThrows(MalformedEventException.class, () -> parser.parse("x"));
        assertEquals(0, e.getStackTrace().length);
        assertNull(e.stream());
    }
}
