package bot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockResponse;

/** {@code GET /api/v3/exchangeInfo} from the 2021 recording, narrowed by {@code symbol} or {@code symbols} as Binance does. */
final class RecordedExchangeInfo {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RecordedExchangeInfo() {
    }

    static MockResponse answer(HttpUrl url) {
        try {
            ObjectNode info = (ObjectNode) JSON.readTree(TestData.bytes("exchange-info-2021.json"));
            List<String> wanted = new ArrayList<>();
            if (url.queryParameter("symbol") != null) {
                wanted.add(url.queryParameter("symbol"));
            } else if (url.queryParameter("symbols") != null) {
                JSON.readTree(url.queryParameter("symbols")).forEach(s -> wanted.add(s.asText()));
            }
            if (!wanted.isEmpty()) {
                ArrayNode symbols = JSON.createArrayNode();
                for (JsonNode s : info.get("symbols")) {
                    if (wanted.contains(s.get("symbol").asText())) {
                        symbols.add(s);
                    }
                }
                if (symbols.size() != wanted.size()) {
                    return FakeBinance.json(400, BinanceJson.error(-1121, "Invalid symbol."));
                }
                info.set("symbols", symbols);
            }
            return FakeBinance.json(200, JSON.writeValueAsString(info));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
