package bot.cli;

import bot.app.AccountSetup;
import bot.app.InputException;
import bot.app.NewAccountRequest;
import bot.app.Secret;
import bot.security.KeyType;
import bot.store.AccountRepository;
import bot.store.Database;
import bot.store.StoredAccount;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code bot add-account}: stores an exchange account, its credentials encrypted. */
@Command(name = "add-account", mixinStandardHelpOptions = true,
        description = {"Store an exchange account; its API key and secret are stored encrypted.",
            "The secret (HMAC secret, or Ed25519 private key PEM) is read from --api-secret-file, else from"
                + " standard input when it is not a terminal, else from a hidden prompt; never from an argument.",
            "Without --api-key the account has no keys and can only run paper strategies."})
final class AddAccountCommand implements Callable<Integer> {
    @ParentCommand
    BotCommand root;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Account name: 1-64 letters, digits, '_' or '-'.")
    String name;

    @Option(names = "--api-key", paramLabel = "KEY", description = "The Binance API key.")
    String apiKey;

    @Option(names = "--api-secret-file", paramLabel = "FILE", description = "File holding the HMAC secret or the Ed25519 private key (PEM).")
    Path secretFile;

    @Option(names = "--key-type", paramLabel = "hmac|ed25519",
            description = "How requests are signed (default: ed25519 when the secret is a PEM key, else hmac).")
    String keyType;

    @Option(names = "--testnet", description = "The account is on the Binance spot testnet.")
    boolean testnet;

    @Override
    public Integer call() {
        KeyType type = keyType();
        if (secretFile != null && apiKey == null) {
            throw new InputException("--api-secret-file: needs --api-key");
        }
        NewAccountRequest request = new NewAccountRequest(name, apiKey, type, testnet);
        try (Database db = root.openDatabase()) {
            AccountSetup setup = new AccountSetup(new AccountRepository(db.jdbi()), root.masterKeySource());
            setup.check(request);
            Secret secret = request.hasKeys() ? new SecretReader(root.environment()).read(secretFile, type, name) : null;
            StoredAccount added = setup.add(request, secret);
            root.environment().out().println("Added account " + added.name() + " ("
                    + (added.hasKeys() ? added.keyType() + " key ..." + added.apiKeyHint() : "no keys: paper only")
                    + (added.testnet() ? ", testnet" : "") + ").");
        }
        return Cli.OK;
    }

    private KeyType keyType() {
        if (keyType == null) {
            return null;
        }
        if (!keyType.equals("hmac") && !keyType.equals("ed25519")) {
            throw new InputException("--key-type: must be hmac or ed25519, got '" + keyType + "'");
        }
        return KeyType.parse(keyType);
    }
}
