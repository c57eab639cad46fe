package bot.app;

import bot.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads strategy parameters given as a JSON object into name → exact decimal text. Numbers are read
 * as {@link java.math.BigDecimal} (never through double) and keep the digits written, so
 * {@code 0.005} and {@code "0.005"} mean the same. Duplicate names and non-numeric values are refused.
 */
public final class StrategyConfigJson {
    private StrategyConfigJson() {
    }

    /**
     * @param field the option the JSON came from, named in errors ({@code --config}, {@code --config-file})
     * @throws InputException naming {@code field} (and the parameter) when the JSON is not an object of numbers
     */
    public static Map<String, String> parse(String json, String field) {
        JsonNode root;
        try {
            root = Json.STRICT_INPUT.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + " column " + e.getLocation().getColumnNr();
            // Jackson's message may go on about the source and the start marker: keep its first clause.
            String reason = e.getOriginalMessage().lines().findFirst().orElse("").replaceAll("\\s*\\(start marker.*$", "");
            throw new InputException(field + ": not valid JSON" + where + ": " + NameRule.printable(reason));
        }
        if (root == null || !root.isObject()) {
            throw new InputException(field + ": must be a JSON object such as {\"order_value\": \"100\"}");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            JsonNode value = entry.getValue();
            String text;
            if (value.isNumber()) {
                text = text(value.decimalValue());
            } else if (value.isTextual()) {
                text = value.asText().strip();
            } else {
                throw new InputException(field + ": parameter " + NameRule.printable(entry.getKey())
                        + ": must be a number or a decimal in a string, got " + value.getNodeType().name().toLowerCase(Locale.ROOT));
            }
            values.put(entry.getKey(), text);
        }
        return values;
    }

    /**
     * The plain digits of a number as written, but not when that would take more than a few
     * thousand characters: toPlainString of 1e999999999 is a gigabyte. Such a value keeps its
     * exponent form, which the parameter checks refuse as out of range.
     */
    private static String text(java.math.BigDecimal value) {
        return Math.abs((long) value.scale()) <= 2_000 ? value.toPlainString() : value.toString();
    }
}
