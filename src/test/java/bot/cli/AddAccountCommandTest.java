package bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.app.AccountCredentials;
import bot.security.CredentialCipher;
import bot.security.KeyType;
import bot.security.MasterKeySource;
import bot.store.AccountRepository;
import bot.store.Database;
import bot.store.StoredAccount;
import bot.testing.CliRun;
import bot.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AddAccountCommandTest extends SetupCommandTest {

    private StoredAccount stored(String name) {
        try (Database db = Database.connect(dbUrl, env.get("BOT_DB_USER"), env.get("BOT_DB_PASSWORD"), null)) {
            return new AccountRepository(db.jdbi()).find(name).orElseThrow();
        }
    }

    private AccountCredentials decrypted(String name) {
        CredentialCipher cipher = new CredentialCipher(
                MasterKeySource.of(Optional.of(MASTER_KEY), Optional.empty(), Optional.empty(), home).load());
        return AccountCredentials.decrypt(stored(name), cipher).orElseThrow();
    }

    private void assertNoSecretIn(CliRun run) {
        for (String text : new String[] {run.out(), run.err()}) {
            assertFalse(text.contains(SECRET), text);
            assertFalse(text.contains(API_KEY), text);
            assertFalse(text.contains(API_KEY.substring(0, 20)), text);
        }
    }

    @Test
    void keylessAccountIsStoredWithoutCredentials() {
        CliRun run = bot("add-account", "--name", "paper");
        assertOk(run);
        assertEquals("Added account paper (no keys: paper only).\n", run.out());
        StoredAccount account = stored("paper");
        assertEquals("none", account.keyType());
        assertFalse(account.hasKeys());
        assertFalse(Files.exists(home.resolve("var/secret")), "no master key is needed, none is created");
    }

    @Test
    void hmacSecretFromStandardInputIsStoredEncryptedAndShownOnlyAsTheKeysLast4() {
        CliRun run = botWithInput(SECRET + "\n", "add-account", "--name", "main", "--api-key", API_KEY, "--testnet");
        assertOk(run);
        assertEquals("Added account main (hmac key ...Eh8A, testnet).\n", run.out());
        assertNoSecretIn(run);
        StoredAccount account = stored("main");
        assertEquals("hmac", account.keyType());
        assertEquals("Eh8A", account.apiKeyHint());
        assertTrue(account.testnet());
        assertFalse(new String(account.apiSecretEnc(), java.nio.charset.StandardCharsets.ISO_8859_1).contains(SECRET));
        AccountCredentials credentials = decrypted("main");
        assertEquals(new AccountCredentials(KeyType.HMAC, API_KEY, SECRET), credentials);
        assertFalse(credentials.toString().contains(SECRET));
    }

    @Test
    void secretFileWinsOverStandardInput() throws IOException {
        Path file = home.resolve("secret.txt");
        Files.writeString(file, SECRET);
        assertOk(botWithInput("ignored-standard-input-value", "add-account", "--name", "main", "--api-key", API_KEY,
                "--api-secret-file", file.toString()));
        assertEquals(SECRET, decrypted("main").secret());
    }

    @Test
    void ed25519PrivateKeyIsRecognisedFromItsPemAndValidated() {
        String pem = TestData.text("ed25519-test-key.pem");
        CliRun run = botWithInput(pem, "add-account", "--name", "ed", "--api-key", API_KEY);
        assertOk(run);
        assertEquals("Added account ed (ed25519 key ...Eh8A).\n", run.out());
        assertFalse(run.out().contains("MC4CAQAw"));
        AccountCredentials credentials = decrypted("ed");
        assertEquals(KeyType.ED25519, credentials.keyType());
        assertEquals(pem.strip(), credentials.secret());
    }

    @Test
    void eachBadInputIsRefusedWithExit2AndNothingWritten() throws IOException {
        assertOk(bot("add-account", "--name", "taken"));
        String before = snapshot();
        Path pemFile = home.resolve("key.pem");
        Files.writeString(pemFile, TestData.text("ed25519-test-key.pem"));
        String garbagePem = "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5IGF0IGFsbCwganVzdCB0ZXh0\n-----END PRIVATE KEY-----\n";

        assertRefused(bot("add-account", "--name", "two words"), "--name");
        assertRefused(bot("add-account", "--name", "x".repeat(65)), "--name");
        assertRefused(bot("add-account", "--name", "taken"), "--name: an account named 'taken' already exists");
        assertRefused(bot("add-account"), "--name");
        assertRefused(bot("add-account", "--name", "a", "--key-type", "hmac"), "--key-type");
        assertRefused(bot("add-account", "--name", "a", "--api-secret-file", pemFile.toString()), "--api-secret-file");
        assertRefused(botWithInput(SECRET, "add-account", "--name", "a", "--api-key", API_KEY, "--key-type", "rsa"),
                "--key-type");
        assertRefused(botWithInput(SECRET, "add-account", "--name", "a", "--api-key", "short"), "--api-key");
        assertRefused(botWithInput(SECRET, "add-account", "--name", "a", "--api-key", API_KEY + "!"), "--api-key");
        assertRefused(botWithInput("", "add-account", "--name", "a", "--api-key", API_KEY),
                "standard input: the secret is empty");
        assertRefused(botWithInput("has spaces in it, so it is no secret", "add-account", "--name", "a",
                "--api-key", API_KEY), "standard input: the HMAC secret");
        assertRefused(botWithInput(garbagePem, "add-account", "--name", "a", "--api-key", API_KEY),
                "standard input: the Ed25519 private key is not an Ed25519 private key");
        assertRefused(botWithInput(SECRET, "add-account", "--name", "a", "--api-key", API_KEY, "--key-type", "ed25519"),
                "standard input: the Ed25519 private key is not a PEM block");
        assertRefused(bot("add-account", "--name", "a", "--api-key", API_KEY, "--key-type", "hmac",
                "--api-secret-file", pemFile.toString()), "--key-type");
        assertRefused(bot("add-account", "--name", "a", "--api-key", API_KEY,
                "--api-secret-file", home.resolve("absent").toString()), "--api-secret-file");
        assertEquals(before, snapshot());
    }

    @Test
    void refusalsNeverEchoTheSecret() {
        CliRun run = botWithInput(SECRET + " trailing words", "add-account", "--name", "a", "--api-key", API_KEY);
        assertRefused(run, "standard input");
        assertNoSecretIn(run);
    }

    @Test
    void wrongMasterKeyIsRefusedClearlyNamingItsSource() {
        assertOk(botWithInput(SECRET, "add-account", "--name", "main", "--api-key", API_KEY));
        String before = snapshot();
        env.put("BOT_MASTER_KEY", Base64.getEncoder().encodeToString(new byte[32]));
        CliRun run = botWithInput(SECRET, "add-account", "--name", "second", "--api-key", API_KEY);
        assertRefused(run, "with the master key from BOT_MASTER_KEY: it is not the key the credential was encrypted with");
        assertTrue(run.err().startsWith("bot: cannot decrypt the stored credential of account 'main'"), run.err());
        assertNoSecretIn(run);
        assertEquals(before, snapshot());
    }

    @Test
    void worldReadableKeyFileIsRefused() throws IOException {
        Path keyFile = home.resolve("master.key");
        Files.write(keyFile, new byte[32]);
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r--r--"));
        env.remove("BOT_MASTER_KEY");
        env.put("BOT_MASTER_KEY_FILE", keyFile.toString());
        String before = snapshot();
        CliRun run = botWithInput(SECRET, "add-account", "--name", "main", "--api-key", API_KEY);
        assertRefused(run, "master key BOT_MASTER_KEY_FILE (" + keyFile + ") can be read or written by others");
        assertEquals(before, snapshot());

        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        assertOk(botWithInput(SECRET, "add-account", "--name", "main", "--api-key", API_KEY));
    }

    @Test
    void defaultKeyFileIsCreatedOnlyWhenAnAccountWithKeysIsAdded() {
        env.remove("BOT_MASTER_KEY");
        Path keyFile = home.resolve("var/secret/master.key");
        assertRefused(botWithInput("", "add-account", "--name", "main", "--api-key", API_KEY), "standard input");
        assertFalse(Files.exists(keyFile), "a refusal writes nothing, not even the key");
        assertOk(botWithInput(SECRET, "add-account", "--name", "main", "--api-key", API_KEY));
        assertTrue(Files.exists(keyFile));
    }
}
