package bot.execution.binance;

import bot.engine.Sleeper;
import bot.security.PayloadSigner;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Makes the Binance clients and gateways of the process. Create ONE per process: it holds each
 * host's {@link RequestBudget} and {@link ServerTime}, which every account on that host shares
 * (Binance counts request weight per IP), and the one OkHttp client.
 */
public final class BinanceGatewayFactory {
    public static final String PRODUCTION_REST_URL = "https://api.binance.com";
    public static final String TESTNET_REST_URL = "https://testnet.binance.vision";
    public static final Duration DEFAULT_RECV_WINDOW = Duration.ofSeconds(5);
    /** The longest a request waits for its host's budget (or a Retry-After) before giving up unsent. */
    public static final Duration DEFAULT_MAX_BUDGET_WAIT = Duration.ofMinutes(2);
    private static final Duration TIME_SYNC_MAX_AGE = Duration.ofMinutes(10);

    private final OkHttpClient http;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration recvWindow;
    private final Duration maxBudgetWait;
    private final Map<String, Host> hosts = new ConcurrentHashMap<>();

    public BinanceGatewayFactory(OkHttpClient http, Clock clock, Sleeper sleeper, Duration recvWindow,
            Duration maxBudgetWait) {
        this.http = http.newBuilder().retryOnConnectionFailure(false).build();
        this.clock = clock;
        this.sleeper = sleeper;
        this.recvWindow = recvWindow;
        this.maxBudgetWait = maxBudgetWait;
    }

    /** The production set-up: real time, real sleeps, timeouts that leave an order UNKNOWN after 10 s. */
    public static BinanceGatewayFactory standard(Clock clock) {
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(10))
                .callTimeout(Duration.ofSeconds(15))
                .build();
        return new BinanceGatewayFactory(http, clock, Sleeper.SYSTEM, DEFAULT_RECV_WINDOW, DEFAULT_MAX_BUDGET_WAIT);
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
        HttpUrl url = HttpUrl.get(baseUrl);
        Host host = hosts.computeIfAbsent(url.host() + ":" + url.port(), name -> new Host(
                new RequestBudget(name, clock, sleeper, maxBudgetWait), new ServerTime(clock, TIME_SYNC_MAX_AGE)));
        return new BinanceRestClient(http, url, host.budget(), host.time(), apiKey, signer, recvWindow, sleeper);
    }

    /** What all accounts on one host share. */
    private record Host(RequestBudget budget, ServerTime time) {
    }
}
