package bot.app;

import static net.logstash.logback.argument.StructuredArguments.kv;

import bot.config.Settings;
import bot.engine.OrderGateway;
import bot.execution.binance.BinanceGatewayFactory;
import bot.rest.RestHosts;
import bot.security.CredentialCipher;
import bot.security.MasterKeyException;
import bot.security.MasterKeySource;
import bot.store.StoredAccount;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.HashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live gateways of {@code bot start}: one Binance gateway per account, shared by its
 * strategies, all made by one {@link BinanceGatewayFactory} so that every account on a host shares
 * its request budget and server time. An account's credentials are decrypted with the master key
 * when its first strategy starts; a key that is missing or does not open them refuses that
 * account's strategies with a one-line reason (never the secret).
 */
public final class LiveGateways {
    private static final Logger log = LoggerFactory.getLogger(LiveGateways.class);

    private final Settings settings;
    private final MasterKeySource keys;
    private final BinanceGatewayFactory factory;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, OrderGateway> byAccount = new HashMap<>();

    public LiveGateways(Settings settings, MasterKeySource keys, BinanceGatewayFactory factory) {
        this.settings = settings;
        this.keys = keys;
        this.factory = factory;
    }

    /** As {@code bot start} runs: the process environment's master key source, on the process's REST hosts. */
    public static LiveGateways standard(Settings settings, RestHosts rest) {
        return new LiveGateways(settings, MasterKeys.source(settings, System.getenv()),
                BinanceGatewayFactory.standard(rest, Clock.systemUTC()));
    }

    /**
     * The account's gateway, shared by its strategies.
     *
     * @throws GatewayUnavailableException when the account cannot trade live (no keys, the master key cannot open them)
     */
    public OrderGateway forAccount(StoredAccount account) {
        // A lock, not ConcurrentHashMap.computeIfAbsent: opening reads the key file, and a monitor
        // held across I/O pins the supervisors' virtual threads.
        lock.lock();
        try {
            OrderGateway gateway = byAccount.get(account.name());
            if (gateway == null) {
                gateway = open(account);
                byAccount.put(account.name(), gateway);
            }
            return gateway;
        } finally {
            lock.unlock();
        }
    }

    private OrderGateway open(StoredAccount account) {
        AccountCredentials credentials;
        try {
            credentials = AccountCredentials.decrypt(account, new CredentialCipher(keys.load()))
                    .orElseThrow(() -> new GatewayUnavailableException("account " + account.name()
                            + " has no API keys; live trading needs them"));
        } catch (MasterKeyException e) {
            throw new GatewayUnavailableException("the API keys of account " + account.name()
                    + " cannot be decrypted: " + e.getMessage());
        }
        String url = settings.binanceRestUrl(account.testnet());
        try {
            OrderGateway gateway = factory.gateway(account.name(), url, credentials.apiKey(),
                    credentials.keyType().code(), credentials.secret().getBytes(StandardCharsets.UTF_8));
            log.info("live gateway ready", kv("account", account.name()), kv("restUrl", url),
                    kv("apiKey", "..." + AccountCredentials.hint(credentials.apiKey())));
            return gateway;
        } catch (IllegalArgumentException e) {
            throw new GatewayUnavailableException("the API keys of account " + account.name() + " cannot sign: "
                    + e.getMessage());
        }
    }
}
