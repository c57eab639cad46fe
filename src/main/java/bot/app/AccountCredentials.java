package bot.app;

import bot.security.CredentialCipher;
import bot.security.KeyType;
import bot.store.StoredAccount;
import java.util.Optional;

/**
 * An account's API key and secret in plaintext, only ever in memory. Each value is encrypted with
 * the account's name and the field bound in as associated data, so a value moved to another
 * account or column does not decrypt. {@link #toString()} shows no secret.
 */
public record AccountCredentials(KeyType keyType, String apiKey, String secret) {

    /** The encrypted forms, in the order api key, secret. */
    public record Encrypted(byte[] apiKey, byte[] secret) {
    }

    public Encrypted encrypt(String account, CredentialCipher cipher) {
        return new Encrypted(cipher.encrypt(apiKey, identity(account, "api_key")),
                cipher.encrypt(secret, identity(account, "api_secret")));
    }

    /**
     * The account's credentials, or empty for a key-less account.
     *
     * @throws bot.security.MasterKeyException when the cipher's key does not open them
     */
    public static Optional<AccountCredentials> decrypt(StoredAccount account, CredentialCipher cipher) {
        if (!account.hasKeys()) {
            return Optional.empty();
        }
        return Optional.of(new AccountCredentials(KeyType.parse(account.keyType()),
                cipher.decryptText(account.apiKeyEnc(), identity(account.name(), "api_key")),
                cipher.decryptText(account.apiSecretEnc(), identity(account.name(), "api_secret"))));
    }

    /** The last 4 characters of the API key: the only part of a credential ever shown. */
    public static String hint(String apiKey) {
        return apiKey.substring(Math.max(0, apiKey.length() - 4));
    }

    static String identity(String account, String field) {
        return "account '" + account + "' " + field;
    }

    @Override
    public String toString() {
        return "AccountCredentials[" + keyType.code() + ", api key ..." + hint(apiKey) + "]";
    }
}
