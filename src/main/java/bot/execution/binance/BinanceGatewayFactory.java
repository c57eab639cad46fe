package bot.execution.binance;

import bot.engine.Sleeper;
import bot.rest.RestHost;
import bot.rest.RestHosts;
import bot.security.PayloadSigner;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes the Binance clients and gateways of the process. Create ONE per process, on the process's
 * {@link RestHosts}: every account on a host shares its request budget (Binance counts request
 * weight per IP, market data included) and its {@link ServerTime}.
 */
public final class BinanceGatewayFactory {
    public static final String PRODUCTION_REST_URL = "https://api.binance.com";
    public static final String TESTNET_REST_URL = "https://testnet.binance.vision";
    public static final Duration DEFAULT_RECV_WINDOW = Duration.ofSeconds(5);
    private static final Duration TIME_SYNC_MAX_AGE = Duration.ofMinutes(10);

    private final RestHosts hosts;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration recvWindow;
    private final Map<RestHost, ServerTime> serverTimes = new ConcurrentHashMap<>();

    /** @param sleeper waits between retries of a read */
    public BinanceGatewayFactory(RestHosts hosts, Clock clock, Sleeper sleeper, Duration recvWindow) {
        this.hosts = hosts;
        this.clock = clock;
        this.sleeper = sleeper;
        this.recvWindow = recvWindow;
    }

    /** The production set-up on the process's hosts: real sleeps, Binance's default recvWindow. */
    public static BinanceGatewayFactory standard(RestHosts hosts, Clock clock) {
        return new BinanceGatewayFactory(hosts, clock, Thread::sleep, DEFAULT_RECV_WINDOW);
    }

    /** The REST base URL of an account: the override when set, else production or testnet. */
    public static String restUrl(boolean testnet, String override) {
        if (override != null && !override.isBlank()) {
            return override;
        }
        return testnet ? TESTNET_REST_URL : PRODUCTION_REST_URL;
    }

    /**
     * The live gateway of an account. {@code secret} (the HMAC secret, or the Ed25519 private key
     * PEM) is wiped before this returns; it is never logged nor kept outside the signer.
     *
     * @param keyType {@code hmac} or {@code ed25519}, as stored with the account
     */
    public BinanceGateway gateway(String accountName, String baseUrl, String apiKey, String keyType, byte[] secret) {
        return new BinanceGateway(accountName, signedClient(baseUrl, apiKey, keyType, secret), clock, recvWindow);
    }

    /** A client of an account's signed endpoints; {@code secret} is wiped before this returns. */
    public BinanceRestClient signedClient(String baseUrl, String apiKey, String keyType, byte[] secret) {
        try {
            PayloadSigner signer = PayloadSigner.forKeyType(keyType, secret);
            return client(baseUrl, apiKey, signer);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /** A client of the public endpoints only (time, exchangeInfo). */
    public BinanceRestClient publicClient(String baseUrl) {
        return client(baseUrl, null, null);
    }

    private BinanceRestClient client(String baseUrl, String apiKey, PayloadSigner signer) {
        RestHost host = hosts.host(baseUrl);
        ServerTime time = serverTimes.computeIfAbsent(host, h -> new ServerTime(clock, TIME_SYNC_MAX_AGE));
        return new BinanceRestClient(host, time, apiKey, signer, recvWindow, sleeper);
    }
}
