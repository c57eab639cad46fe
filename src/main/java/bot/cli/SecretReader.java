package bot.cli;

import bot.app.InputException;
import bot.app.Secret;
import bot.security.KeyType;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads an account's secret from {@code --api-secret-file}, else from standard input when it is not
 * a terminal, else from a hidden prompt: never from an argument, so it stays out of the process list.
 */
final class SecretReader {
    private static final int MAX_BYTES = 64 * 1024;
    private static final String FILE_OPTION = "--api-secret-file";

    private final CliEnvironment environment;

    SecretReader(CliEnvironment environment) {
        this.environment = environment;
    }

    Secret read(Path file, KeyType keyType, String account) {
        if (file != null) {
            return new Secret(fromFile(file), FILE_OPTION);
        }
        if (!environment.inIsTerminal()) {
            return new Secret(limited(environment.in(), "standard input"), "standard input");
        }
        return new Secret(prompt(keyType, account), "the prompt");
    }

    private static String fromFile(Path file) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new InputException(FILE_OPTION + ": " + file + " is too large to hold a secret");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputException(FILE_OPTION + ": " + file + " does not exist");
        } catch (IOException e) {
            throw new InputException(FILE_OPTION + ": cannot read " + file + ": " + e.getMessage());
        }
    }

    private static String limited(InputStream in, String source) {
        try {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new InputException(source + ": too large to hold a secret");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(source + ": cannot read the secret: " + e.getMessage());
        }
    }

    private static String prompt(KeyType keyType, String account) {
        Console console = System.console();
        if (console == null) {
            throw new InputException(FILE_OPTION + ": no secret given; name a file with " + FILE_OPTION
                    + " or pipe it on standard input");
        }
        if (keyType == KeyType.ED25519) {
            throw new InputException(FILE_OPTION + ": an Ed25519 private key spans several lines; give it with "
                    + FILE_OPTION + " FILE or on standard input");
        }
        char[] typed = console.readPassword("API secret for account %s (not shown): ", account);
        if (typed == null) {
            throw new InputException("the prompt: no secret entered");
        }
        try {
            return new String(typed);
        } finally {
            Arrays.fill(typed, '\0');
        }
    }
}
