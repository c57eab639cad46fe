package bot.store;

import bot.domain.Interval;
import bot.domain.Mode;
import bot.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** The {@code strategies} table; parameters are a jsonb object of strings, so decimals stay exact. */
public final class StrategyRepository {
    private static final TypeReference<TreeMap<String, String>> PARAMS = new TypeReference<>() {
    };
    private static final String SELECT = "select s.id, s.name, s.account_id, a.name as account, s.kind, s.symbol,"
            + " s.interval, s.mode, s.params::text as params, s.enabled, s.created_at, s.updated_at"
            + " from strategies s join accounts a on a.id = s.account_id";

    private final Jdbi jdbi;

    public StrategyRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Inserts the strategy and returns its id; {@link NameTakenException} when the name is taken. */
    public long insert(NewStrategy strategy) {
        String params = toJson(strategy.params());
        try {
            // announced in the same transaction: running daemons pick an enabled strategy up once it commits
            return jdbi.inTransaction(h -> announced(h, h.createUpdate("insert into strategies"
                            + " (name, account_id, kind, symbol, interval, mode, params, enabled)"
                            + " values (:name, :accountId, :kind, :symbol, :interval, :mode, cast(:params as jsonb), :enabled)")
                    .bind("name", strategy.name())
                    .bind("accountId", strategy.accountId())
                    .bind("kind", strategy.kind())
                    .bind("symbol", strategy.symbol())
                    .bind("interval", strategy.interval().code())
                    .bind("mode", strategy.mode().code())
                    .bind("params", params)
                    .bind("enabled", strategy.enabled())
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one()));
        } catch (UnableToExecuteStatementException e) {
            throw UniqueViolations.translate(e, "strategies", strategy.name());
        }
    }

    public Optional<StoredStrategy> find(String name) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " where s.name = :name")
                .bind("name", name)
                .map((rs, ctx) -> map(rs))
                .findOne());
    }

    /** Every strategy, by name. */
    public List<StoredStrategy> all() {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " order by s.name").map((rs, ctx) -> map(rs)).list());
    }

    /** The strategies {@code bot start} runs, by name. */
    public List<StoredStrategy> enabled() {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " where s.enabled order by s.name")
                .map((rs, ctx) -> map(rs)).list());
    }

    /** Sets the enabled flag, and tells running daemons; false when no strategy has that name. */
    public boolean setEnabled(String name, boolean enabled) {
        return jdbi.inTransaction(h -> announced(h, h.createUpdate(
                        "update strategies set enabled = :enabled, updated_at = now() where name = :name")
                .bind("enabled", enabled)
                .bind("name", name)
                .execute())) > 0;
    }

    /** {@code result}, once the change is announced to running daemons (delivered at commit). */
    private static <T> T announced(Handle h, T result) {
        Changes.announce(h, Changes.Topic.STRATEGIES);
        return result;
    }

    private static StoredStrategy map(ResultSet rs) throws SQLException {
        return new StoredStrategy(rs.getLong("id"), rs.getString("name"), rs.getLong("account_id"),
                rs.getString("account"), rs.getString("kind"), rs.getString("symbol"),
                Interval.parse(rs.getString("interval")), Mode.parse(rs.getString("mode")),
                Collections.unmodifiableSortedMap(fromJson(rs.getString("params"))), rs.getBoolean("enabled"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    private static String toJson(Map<String, String> params) {
        try {
            return Json.MAPPER.writeValueAsString(new TreeMap<>(params));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write parameters as JSON", e);
        }
    }

    private static TreeMap<String, String> fromJson(String json) {
        try {
            return Json.MAPPER.readValue(json, PARAMS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("strategies.params is not a JSON object of strings: " + e.getOriginalMessage());
        }
    }
}
