package bot.store;

import bot.domain.Interval;
import bot.domain.Mode;
import bot.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** Reads the enabled strategies with what the daemon needs of their accounts. */
public final class EnabledStrategies {
    private final Jdbi jdbi;

    public EnabledStrategies(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * One enabled strategy. {@code parameters} are the stored values as decimal text (JSON numbers
     * and strings alike), still to be validated against the kind; {@code interval} is the stored code;
     * {@code storedAccount} is its account's row, credentials still encrypted (live trading decrypts them).
     */
    public record Definition(long id, String name, String account, boolean testnet, boolean accountHasKeys,
                             String kind, String symbol, String interval, Mode mode, Map<String, String> parameters,
                             StoredAccount storedAccount) {

        public Interval parsedInterval() {
            return Interval.parse(interval);
        }
    }

    public List<Definition> load() {
        return jdbi.withHandle(h -> h.createQuery("""
                select s.id, s.name, a.name as account, a.testnet, a.key_type <> 'none' as has_keys, s.kind, s.symbol,
                       s.interval, s.mode, s.params::text as params, a.id as account_id, a.key_type, a.api_key_enc,
                       a.api_secret_enc, a.api_key_hint, a.created_at as account_created_at
                from strategies s join accounts a on a.id = s.account_id
                where s.enabled order by s.id""")
                .map((rs, ctx) -> new Definition(rs.getLong("id"), rs.getString("name"), rs.getString("account"),
                        rs.getBoolean("testnet"), rs.getBoolean("has_keys"), rs.getString("kind"), rs.getString("symbol"),
                        rs.getString("interval"), Mode.parse(rs.getString("mode")), parameters(rs.getString("params")),
                        new StoredAccount(rs.getLong("account_id"), rs.getString("account"), rs.getString("key_type"),
                                rs.getBytes("api_key_enc"), rs.getBytes("api_secret_enc"), rs.getString("api_key_hint"),
                                rs.getBoolean("testnet"), rs.getTimestamp("account_created_at").toInstant())))
                .list());
    }

    /** A JSON object's members as text: numbers exactly as written (decimals never pass through double). */
    static Map<String, String> parameters(String json) {
        try {
            JsonNode node = Json.MAPPER.readTree(json);
            Map<String, String> values = new LinkedHashMap<>();
            node.properties().forEach(e -> values.put(e.getKey(), text(e.getValue())));
            return values;
        } catch (JsonProcessingException e) {
            throw new DatabaseException("stored strategy parameters are not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static String text(JsonNode value) {
        if (value.isNumber()) {
            return value.decimalValue().toPlainString();
        }
        return value.isTextual() ? value.textValue() : value.toString();
    }
}
