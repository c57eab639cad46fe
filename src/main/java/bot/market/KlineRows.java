package bot.market;

import bot.domain.Candle;
import bot.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the rows of {@code GET /api/v3/klines}:
 * {@code [openTime,"open","high","low","close","volume",closeTime,"quoteVolume",trades,...]}.
 * Decimals come from the JSON text, never through double.
 */
final class KlineRows {
    private KlineRows() {
    }

    /** Every row as a closed candle of {@code stream}; soundness is the caller's check. */
    static List<Candle> parse(byte[] body, KlineStream stream) throws IOException {
        JsonNode rows = Json.MAPPER.readTree(body);
        if (rows == null || !rows.isArray()) {
            throw new IOException("klines answer is not an array");
        }
        List<Candle> candles = new ArrayList<>(rows.size());
        for (JsonNode row : rows) {
            if (!row.isArray() || row.size() < 9) {
                throw new IOException("klines row is not an array of at least 9 fields: " + row);
            }
            candles.add(new Candle(stream.symbol(), stream.interval(), integer(row, 0), integer(row, 6),
                    decimal(row, 1), decimal(row, 2), decimal(row, 3), decimal(row, 4), decimal(row, 5),
                    decimal(row, 7), integer(row, 8), true));
        }
        return candles;
    }

    private static long integer(JsonNode row, int index) throws IOException {
        JsonNode node = row.get(index);
        if (!node.isIntegralNumber()) {
            throw new IOException("klines row field " + index + " is not an integer: " + row);
        }
        return node.longValue();
    }

    private static BigDecimal decimal(JsonNode row, int index) throws IOException {
        JsonNode node = row.get(index);
        try {
            return node.isTextual() ? new BigDecimal(node.textValue()) : node.isNumber() ? node.decimalValue() : fail(row, index);
        } catch (NumberFormatException e) {
            return fail(row, index);
        }
    }

    private static BigDecimal fail(JsonNode row, int index) throws IOException {
        throw new IOException("klines row field " + index + " is not a decimal: " + row);
    }
}
