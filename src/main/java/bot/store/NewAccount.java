package bot.store;

/**
 * An account to insert. The credentials arrive already encrypted (null for a key-less account);
 * {@code apiKeyHint} is the API key's last 4 characters, the only part ever shown.
 */
public record NewAccount(String name, String keyType, byte[] apiKeyEnc, byte[] apiSecretEnc, String apiKeyHint,
                         boolean testnet) {
}
