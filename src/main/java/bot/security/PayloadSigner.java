package bot.security;

import java.util.Locale;

/**
 * Signs the payload of a Binance signed request (query string then body, already percent-encoded)
 * with an account's private key. Implementations are thread-safe and never reveal the key.
 */
public interface PayloadSigner {

    /** The signature as Binance expects it before URL encoding: lower-case hex (HMAC) or base64 (Ed25519). */
    String sign(String payload);

    /**
     * The signer for an account's key type as stored ({@code hmac} or {@code ed25519}). The secret is
     * the HMAC secret, or the Ed25519 private key as PKCS#8 PEM; the caller still owns (and wipes) it.
     */
    static PayloadSigner forKeyType(String keyType, byte[] secret) {
        return switch (keyType.toLowerCase(Locale.ROOT)) {
            case "hmac" -> new HmacSha256Signer(secret);
            case "ed25519" -> new Ed25519Signer(secret);
            default -> throw new IllegalArgumentException("key type '" + keyType + "' cannot sign, expected hmac or ed25519");
        };
    }
}
