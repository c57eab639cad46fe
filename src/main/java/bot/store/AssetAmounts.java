package bot.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Amounts per asset as the jsonb columns hold them: {@code {"BNB": "0.00012"}}, decimals as
 * strings so they stay exact; null in the database for none.
 */
final class AssetAmounts {
    private static final JsonFactory JSON = new JsonFactory();
    private static final Pattern ASSET = Pattern.compile("[A-Za-z0-9]{1,20}");

    private AssetAmounts() {
    }

    /** The jsonb text, null when there is nothing. */
    static String toJson(Map<String, BigDecimal> amounts) {
        if (amounts == null || amounts.isEmpty()) {
            return null;
        }
        StringBuilder json = new StringBuilder("{");
        for (Map.Entry<String, BigDecimal> e : new TreeMap<>(amounts).entrySet()) {
            if (!ASSET.matcher(e.getKey()).matches()) {
                throw new IllegalArgumentException("not an asset name: " + e.getKey());
            }
            json.append(json.length() > 1 ? ", " : "").append('"').append(e.getKey()).append("\": \"")
                    .append(e.getValue().toPlainString()).append('"');
        }
        return json.append('}').toString();
    }

    /** The amounts of a jsonb text, empty for null. */
    static Map<String, BigDecimal> fromJson(String json) {
        Map<String, BigDecimal> amounts = new TreeMap<>();
        if (json == null) {
            return amounts;
        }
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not an object of amounts: " + json);
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String asset = parser.currentName();
                parser.nextToken();
                amounts.put(asset, new BigDecimal(parser.getText()));
            }
            return amounts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
