package bot.app;

import bot.security.KeyType;

/**
 * What a person asked {@code bot add-account} for. {@code apiKey} null means a key-less (paper only)
 * account; {@code keyType} null means "hmac, or ed25519 when the secret is a PEM key".
 */
public record NewAccountRequest(String name, String apiKey, KeyType keyType, boolean testnet) {

    public boolean hasKeys() {
        return apiKey != null;
    }
}
