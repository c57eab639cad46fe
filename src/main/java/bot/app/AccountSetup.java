package bot.app;

import static net.logstash.logback.argument.StructuredArguments.kv;

import bot.security.CredentialCipher;
import bot.security.Ed25519PrivateKeys;
import bot.security.KeyType;
import bot.security.MasterKey;
import bot.security.MasterKeyException;
import bot.security.MasterKeySource;
import bot.store.AccountRepository;
import bot.store.NameTakenException;
import bot.store.NewAccount;
import bot.store.StoredAccount;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code bot add-account}: checks the request, then stores the account with its credentials
 * encrypted under the master key. Every refusal is an {@link InputException} thrown before anything
 * is written, the master key file included.
 */
public final class AccountSetup {
    private static final Logger log = LoggerFactory.getLogger(AccountSetup.class);
    /** Binance API keys are 64 letters and digits; a little slack for other issuers' lengths. */
    private static final Pattern API_KEY = Pattern.compile("[A-Za-z0-9]{8,256}");
    private static final Pattern HMAC_SECRET = Pattern.compile("[\\x21-\\x7E]{16,512}");

    private final AccountRepository accounts;
    private final MasterKeySource keys;

    public AccountSetup(AccountRepository accounts, MasterKeySource keys) {
        this.accounts = accounts;
        this.keys = keys;
    }

    /** What can be checked before the secret is asked for. */
    public void check(NewAccountRequest request) {
        NameRule.check("--name", request.name());
        if (!request.hasKeys()) {
            if (request.keyType() != null) {
                throw new InputException("--key-type: needs --api-key (an account without keys has no key type)");
            }
        } else if (!API_KEY.matcher(request.apiKey()).matches()) {
            throw new InputException("--api-key: must be 8 to 256 letters and digits, as Binance shows it");
        } else if (request.keyType() == KeyType.NONE) {
            throw new InputException("--key-type: must be hmac or ed25519");
        }
        if (accounts.find(request.name()).isPresent()) {
            throw new InputException("--name: an account named '" + request.name() + "' already exists");
        }
    }

    /**
     * Stores the account; {@code secret} is null for a key-less one.
     *
     * @throws InputException when anything is wrong, the master key included; nothing is written then
     */
    public StoredAccount add(NewAccountRequest request, Secret secret) {
        check(request);
        NewAccount row;
        if (request.hasKeys()) {
            if (secret == null) {
                throw new InputException("--api-secret-file: the secret is required with --api-key");
            }
            KeyType type = keyType(request, secret);
            AccountCredentials credentials = new AccountCredentials(type, request.apiKey(), secret.value().strip());
            CredentialCipher cipher = new CredentialCipher(masterKey());
            AccountCredentials.Encrypted encrypted = credentials.encrypt(request.name(), cipher);
            row = new NewAccount(request.name(), type.code(), encrypted.apiKey(), encrypted.secret(),
                    AccountCredentials.hint(request.apiKey()), request.testnet());
        } else {
            row = new NewAccount(request.name(), KeyType.NONE.code(), null, null, null, request.testnet());
        }
        try {
            accounts.insert(row);
        } catch (NameTakenException e) {
            throw new InputException("--name: an account named '" + request.name() + "' already exists");
        }
        log.info("account added", kv("account", row.name()), kv("keyType", row.keyType()), kv("testnet", row.testnet()));
        return accounts.find(request.name()).orElseThrow();
    }

    /** The declared key type checked against the secret, or the one the secret's form implies. */
    private static KeyType keyType(NewAccountRequest request, Secret secret) {
        String value = secret.value().strip();
        if (value.isEmpty()) {
            throw new InputException(secret.source() + ": the secret is empty");
        }
        boolean pem = Ed25519PrivateKeys.looksLikePem(value);
        KeyType type = request.keyType() != null ? request.keyType() : pem ? KeyType.ED25519 : KeyType.HMAC;
        if (type == KeyType.ED25519) {
            try {
                Ed25519PrivateKeys.parse(value);
            } catch (IllegalArgumentException e) {
                throw new InputException(secret.source() + ": the Ed25519 private key " + e.getMessage());
            }
        } else if (pem) {
            throw new InputException("--key-type: the secret is a PEM key, so the key type is ed25519, not hmac");
        } else if (!HMAC_SECRET.matcher(value).matches()) {
            throw new InputException(secret.source() + ": the HMAC secret must be 16 to 512 visible characters"
                    + " without spaces");
        }
        return type;
    }

    /**
     * The master key, created on first use; refused when it does not open the credentials already
     * stored, so accounts never end up under two different keys.
     */
    private MasterKey masterKey() {
        try {
            StoredAccount existing = accounts.all().stream().filter(StoredAccount::hasKeys).findFirst().orElse(null);
            if (existing == null) {
                return keys.loadOrCreate();
            }
            MasterKey key = keys.load();
            AccountCredentials.decrypt(existing, new CredentialCipher(key));
            return key;
        } catch (MasterKeyException e) {
            throw new InputException(e.getMessage());
        }
    }
}
