package bot.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** The {@code accounts} table. It stores and returns credentials encrypted; it never sees plaintext. */
public final class AccountRepository {
    private static final String COLUMNS =
            "id, name, key_type, api_key_enc, api_secret_enc, api_key_hint, testnet, created_at";

    private final Jdbi jdbi;

    public AccountRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Inserts the account and returns its id; {@link NameTakenException} when the name is taken. */
    public long insert(NewAccount account) {
        try {
            return jdbi.withHandle(h -> h.createUpdate("insert into accounts"
                            + " (name, key_type, api_key_enc, api_secret_enc, api_key_hint, testnet)"
                            + " values (:name, :keyType, :keyEnc, :secretEnc, :hint, :testnet)")
                    .bind("name", account.name())
                    .bind("keyType", account.keyType())
                    .bind("keyEnc", account.apiKeyEnc())
                    .bind("secretEnc", account.apiSecretEnc())
                    .bind("hint", account.apiKeyHint())
                    .bind("testnet", account.testnet())
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one());
        } catch (UnableToExecuteStatementException e) {
            throw UniqueViolations.translate(e, "accounts", account.name());
        }
    }

    public Optional<StoredAccount> find(String name) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from accounts where name = :name")
                .bind("name", name)
                .map((rs, ctx) -> map(rs))
                .findOne());
    }

    /** Every account, by name. */
    public List<StoredAccount> all() {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from accounts order by name")
                .map((rs, ctx) -> map(rs))
                .list());
    }

    private static StoredAccount map(ResultSet rs) throws SQLException {
        return new StoredAccount(rs.getLong("id"), rs.getString("name"), rs.getString("key_type"),
                rs.getBytes("api_key_enc"), rs.getBytes("api_secret_enc"), rs.getString("api_key_hint"),
                rs.getBoolean("testnet"), rs.getTimestamp("created_at").toInstant());
    }
}
