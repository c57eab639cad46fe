package bot.testing;

import bot.engine.Sleeper;
import bot.execution.binance.BinanceGateway;
import bot.execution.binance.BinanceGatewayFactory;
import bot.rest.RestHosts;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;

/**
 * A {@link FakeBinanceExchange} with the live gateways of its accounts, all on one adjustable clock:
 * the clients wait (backoff, Retry-After, budget) by advancing the clock, so nothing sleeps for
 * real except the client's read timeout, kept short here.
 */
public final class LiveGatewayKit implements AutoCloseable {
    public static final Duration READ_TIMEOUT = Duration.ofMillis(300);
    public static final Instant START = Instant.parse("2026-03-02T10:00:00Z");

    public final AdjustableClock clock = new AdjustableClock(START);
    public final FakeBinanceExchange exchange = new FakeBinanceExchange(clock);
    /** The process's REST hosts: one budget per host, which the gateways share with any market client made on them. */
    public final RestHosts hosts;
    public final BinanceGatewayFactory factory;
    private final AtomicLong slept = new AtomicLong();

    public LiveGatewayKit() {
        OkHttpClient http = new OkHttpClient.Builder().readTimeout(READ_TIMEOUT).build();
        Sleeper sleeper = duration -> {
            slept.addAndGet(duration.toMillis());
            clock.advance(duration);
        };
        hosts = new RestHosts(http, clock, sleeper, Duration.ofMinutes(5), RestHosts.DEFAULT_SPREAD,
                new SplittableRandom(11));
        factory = new BinanceGatewayFactory(hosts, clock, sleeper, BinanceGatewayFactory.DEFAULT_RECV_WINDOW);
    }

    /** A new account with a fresh Ed25519 key, known to the exchange, and its gateway. */
    public BinanceGateway ed25519Account(String name) {
        KeyPair pair = ed25519KeyPair();
        String apiKey = "key-" + name;
        exchange.addEd25519Account(apiKey, pair.getPublic());
        return factory.gateway(name, exchange.baseUrl(), apiKey, "ed25519", pem(pair));
    }

    /** A new account with an HMAC secret, known to the exchange, and its gateway. */
    public BinanceGateway hmacAccount(String name) {
        String apiKey = "key-" + name;
        String secret = "secret-of-" + name;
        exchange.addHmacAccount(apiKey, secret);
        return factory.gateway(name, exchange.baseUrl(), apiKey, "hmac", secret.getBytes(StandardCharsets.US_ASCII));
    }

    /** The API key {@link #ed25519Account}/{@link #hmacAccount} gave the account. */
    public static String apiKey(String name) {
        return "key-" + name;
    }

    /** Milliseconds the clients waited (on the adjustable clock). */
    public long sleptMillis() {
        return slept.get();
    }

    @Override
    public void close() {
        exchange.close();
    }

    public static KeyPair ed25519KeyPair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The private key as PKCS#8 PEM, the form {@code bot add-account --key-type ed25519} stores. */
    public static byte[] pem(KeyPair pair) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(pair.getPrivate().getEncoded());
        return ("-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n").getBytes(StandardCharsets.US_ASCII);
    }
}
