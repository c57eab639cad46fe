package bot.app;

import bot.config.Settings;
import bot.execution.binance.BinanceDiagnostics;
import bot.execution.binance.BinanceDiagnostics.Finding;
import bot.execution.binance.BinanceGatewayFactory;
import bot.engine.Sleeper;
import bot.rest.RestHosts;
import bot.security.CredentialCipher;
import bot.security.MasterKeyException;
import bot.security.MasterKeySource;
import bot.store.AccountRepository;
import bot.store.EnabledStrategies;
import bot.store.StoredAccount;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import okhttp3.OkHttpClient;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code bot doctor}: whether live trading can work from here. The clock's offset to each Binance
 * host in use, each account's keys (a signed {@code GET /api/v3/account}: they decrypt, Binance
 * accepts them from this IP and they may trade), and each enabled strategy's symbol (listed and
 * TRADING). Every check gives one finding; none stops the others.
 */
public final class Doctor {
    /** The bot corrects for an offset, but one this large means the clock is not synced. */
    static final Duration CLOCK_TOLERANCE = Duration.ofSeconds(1);

    /** One check: what was checked, whether it passed, and a line a person can act on. */
    public record Check(String name, boolean ok, String detail) {
    }

    private final AccountRepository accounts;
    private final EnabledStrategies strategies;
    private final Settings settings;
    private final MasterKeySource keys;
    private final BinanceGatewayFactory factory;

    public Doctor(Jdbi jdbi, Settings settings, MasterKeySource keys, BinanceGatewayFactory factory) {
        this.accounts = new AccountRepository(jdbi);
        this.strategies = new EnabledStrategies(jdbi);
        this.settings = settings;
        this.keys = keys;
        this.factory = factory;
    }

    /** Clients for a person waiting: short timeouts, real time. */
    public static BinanceGatewayFactory interactiveFactory() {
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(3))
                .readTimeout(Duration.ofSeconds(5))
                .callTimeout(Duration.ofSeconds(8))
                .build();
        RestHosts hosts = new RestHosts(http, Clock.systemUTC(), Thread::sleep, Duration.ofSeconds(10),
                Duration.ofSeconds(1), RandomGenerator.getDefault());
        return BinanceGatewayFactory.standard(hosts, Clock.systemUTC());
    }

    public List<Check> run() {
        List<StoredAccount> keyed = accounts.all().stream().filter(StoredAccount::hasKeys).toList();
        List<EnabledStrategies.Definition> enabled = strategies.load();
        Set<String> hosts = new LinkedHashSet<>();
        keyed.forEach(a -> hosts.add(settings.binanceRestUrl(a.testnet())));
        enabled.forEach(s -> hosts.add(settings.binanceRestUrl(s.testnet())));
        if (hosts.isEmpty()) {
            hosts.add(settings.binanceRestUrl(false));
        }
        List<Check> checks = new ArrayList<>();
        for (String url : hosts) {
            checks.add(check("clock vs " + url, publicDiagnostics(url).clockOffset(CLOCK_TOLERANCE)));
        }
        for (StoredAccount account : keyed) {
            checks.add(keys(account));
        }
        for (EnabledStrategies.Definition strategy : enabled) {
            checks.add(check("symbol " + strategy.symbol() + " of strategy " + strategy.name(),
                    publicDiagnostics(settings.binanceRestUrl(strategy.testnet())).symbolTrading(strategy.symbol())));
        }
        return checks;
    }

    private Check keys(StoredAccount account) {
        String name = "keys of account " + account.name();
        try {
            AccountCredentials credentials = AccountCredentials.decrypt(account, new CredentialCipher(keys.load()))
                    .orElseThrow();
            return check(name, new BinanceDiagnostics(factory.signedClient(settings.binanceRestUrl(account.testnet()),
                    credentials.apiKey(), credentials.keyType().code(),
                    credentials.secret().getBytes(StandardCharsets.UTF_8))).keys());
        } catch (MasterKeyException | IllegalArgumentException e) {
            return new Check(name, false, e.getMessage());
        }
    }

    private BinanceDiagnostics publicDiagnostics(String url) {
        return new BinanceDiagnostics(factory.publicClient(url));
    }

    private static Check check(String name, Finding finding) {
        return new Check(name, finding.ok(), finding.detail());
    }
}
