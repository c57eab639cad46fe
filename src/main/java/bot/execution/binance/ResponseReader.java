package bot.execution.binance;

import bot.json.Json;
import bot.rest.RestAnswer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * Reads an answer: a 2xx body as JSON; 429/418 (the host already stopped for Retry-After), 5xx and
 * -1006/-1007 have an unknown outcome; any other error body is a rejection with Binance's code and
 * message.
 */
final class ResponseReader {
    private static final int MAX_BODY_IN_MESSAGE = 200;

    private ResponseReader() {
    }

    static JsonNode read(RestAnswer answer) {
        int status = answer.status();
        String text = answer.text();
        if (answer.rateLimited()) {
            throw new BinanceUnavailableException("rate limited: " + error(status, text), true, null);
        }
        if (answer.successful()) {
            try {
                return Json.MAPPER.readTree(text);
            } catch (IOException e) {
                throw new BinanceUnavailableException("unreadable answer (HTTP " + status + ")", true, e);
            }
        }
        BinanceError error = error(status, text);
        if (error.outcomeUnknown()) {
            throw new BinanceUnavailableException("outcome unknown: " + error, true, null);
        }
        throw new BinanceRejectedException(error);
    }

    private static BinanceError error(int status, String text) {
        try {
            JsonNode node = Json.MAPPER.readTree(text);
            if (node != null && node.has("code")) {
                return new BinanceError(status, node.path("code").asInt(), node.path("msg").asText(""));
            }
        } catch (IOException notJson) {
            // an HTML error page from a proxy or the WAF: keep its start as the message
        }
        String start = text.length() > MAX_BODY_IN_MESSAGE ? text.substring(0, MAX_BODY_IN_MESSAGE) : text;
        return new BinanceError(status, 0, start.isBlank() ? "HTTP " + status : start.strip());
    }
}
