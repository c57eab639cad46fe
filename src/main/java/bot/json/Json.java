package bot.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The process's one Jackson set-up, for Binance's answers, stored rows and people's input alike.
 * Numbers with a fraction are read as {@link java.math.BigDecimal} with the digits as written
 * ({@code "1482.0"} keeps its scale: scale is part of a decimal's value here), never through
 * double; anything after the value is an error. Thread-safe, as Jackson's mappers are once configured.
 */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /**
     * For what a person typed: a name given twice is refused rather than one of them silently
     * winning (checked only here: it costs a set of names per object).
     */
    public static final ObjectReader STRICT_INPUT = MAPPER.reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);

    /** For output a person reads: the same mapper, indented. */
    public static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();

    /** The streaming parsers and generators of the same set-up. */
    public static final JsonFactory FACTORY = MAPPER.getFactory();

    private Json() {
    }
}
