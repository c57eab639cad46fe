package bot.testing;

import bot.app.AccountSetup;
import bot.app.NewAccountRequest;
import bot.app.Secret;
import bot.security.KeyType;
import bot.security.MasterKeySource;
import bot.store.AccountRepository;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Live accounts and strategies for end-to-end tests: the account is stored by the real set-up code
 * (credentials encrypted under {@link #MASTER_KEY}) and known to the fake exchange with the same
 * HMAC secret.
 */
public final class LiveSetup {
    /** A master key, base64, as {@code BOT_MASTER_KEY} gives it. */
    public static final String MASTER_KEY = Base64.getEncoder().encodeToString(
            "live-tests-master-key-32-bytes!!".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

    private LiveSetup() {
    }

    public static MasterKeySource masterKeys() {
        return MasterKeySource.of(Optional.of(MASTER_KEY), Optional.empty(), Optional.empty(), Path.of("unused"));
    }

    /** The API key of {@link #account}'s account (Binance's form: letters and digits). */
    public static String apiKey(String account) {
        return "KEY0" + account.replaceAll("[^A-Za-z0-9]", "") + "0000";
    }

    /** The HMAC secret of {@link #account}'s account. */
    public static String secret(String account) {
        return "hmac-secret-of-" + account + "-0123456789";
    }

    /** An HMAC account stored in the database and known to the exchange. */
    public static void account(Jdbi jdbi, FakeBinanceExchange exchange, String name) {
        String secret = secret(name);
        exchange.addHmacAccount(apiKey(name), secret);
        new AccountSetup(new AccountRepository(jdbi), masterKeys())
                .add(new NewAccountRequest(name, apiKey(name), KeyType.HMAC, false), new Secret(secret, "test"));
    }

    /** A 1m strategy on an existing account; returns its id. */
    public static long strategy(Jdbi jdbi, String account, String name, String symbol, String mode, String paramsJson) {
        return jdbi.withHandle(h -> h.createQuery("""
                insert into strategies (name, account_id, kind, symbol, interval, mode, params)
                select :name, id, 'mean_reversion', :symbol, '1m', :mode, cast(:params as jsonb) from accounts
                where name = :account
                returning id""")
                .bind("name", name).bind("account", account).bind("symbol", symbol).bind("mode", mode)
                .bind("params", paramsJson)
                .mapTo(Long.class).one());
    }
}
