package bot.store;

import java.time.Instant;

/** A row of {@code accounts}; the credentials are still encrypted. */
public record StoredAccount(long id, String name, String keyType, byte[] apiKeyEnc, byte[] apiSecretEnc,
                            String apiKeyHint, boolean testnet, Instant createdAt) {

    public boolean hasKeys() {
        return apiSecretEnc != null;
    }
}
