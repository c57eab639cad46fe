package bot.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeySourceTest {
    private static final byte[] KEY = new byte[32];
    private static final byte[] OTHER = new byte[32];

    static {
        for (int i = 0; i < 32; i++) {
            KEY[i] = (byte) i;
            OTHER[i] = (byte) (100 + i);
        }
    }

    @TempDir
    Path dir;

    private Path defaultFile() {
        return dir.resolve("var").resolve("secret").resolve("master.key");
    }

    private Path privateFile(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    /** Encrypts with one key and decrypts with another: equal only when the keys are the same. */
    private static boolean sameKey(MasterKey a, byte[] expected) {
        CredentialCipher cipher = new CredentialCipher(a);
        CredentialCipher reference = new CredentialCipher(new MasterKey(expected, MasterKey.CURRENT_VERSION, "test"));
        try {
            return "x".equals(reference.decryptText(cipher.encrypt("x", "id"), "id"));
        } catch (MasterKeyException e) {
            return false;
        }
    }

    @Test
    void environmentKeyWinsOverEveryFile() throws IOException {
        Path file = privateFile("k", OTHER);
        MasterKeySource source = MasterKeySource.of(Optional.of(Base64.getEncoder().encodeToString(KEY)),
                Optional.of(file), Optional.of(dir.toString()), defaultFile());
        assertEquals("BOT_MASTER_KEY", source.description());
        assertTrue(sameKey(source.load(), KEY));
    }

    @Test
    void keyFileHoldsRawBytesOrBase64() throws IOException {
        Path raw = privateFile("raw.key", KEY);
        Path text = privateFile("text.key", (Base64.getEncoder().encodeToString(KEY) + "\n").getBytes(StandardCharsets.US_ASCII));
        assertTrue(sameKey(MasterKeySource.of(Optional.empty(), Optional.of(raw), Optional.empty(), defaultFile()).load(), KEY));
        assertTrue(sameKey(MasterKeySource.of(Optional.empty(), Optional.of(text), Optional.empty(), defaultFile()).load(), KEY));
        assertFalse(Files.exists(defaultFile()), "no default key is created when a file is named");
    }

    @Test
    void systemdCredentialIsUsedWhenNoKeyIsSet() throws IOException {
        privateFile("master.key", KEY);
        MasterKeySource source = MasterKeySource.of(Optional.empty(), Optional.empty(), Optional.of(dir.toString()),
                defaultFile());
        assertEquals("$CREDENTIALS_DIRECTORY/master.key (" + dir.resolve("master.key") + ")", source.description());
        assertTrue(sameKey(source.loadOrCreate(), KEY));
    }

    @Test
    void worldReadableKeyFileIsRefused() throws IOException {
        Path file = privateFile("open.key", KEY);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        MasterKeySource source = MasterKeySource.of(Optional.empty(), Optional.of(file), Optional.empty(), defaultFile());
        MasterKeyException e = assertThrows(MasterKeyException.class, source::load);
        assertEquals("master key BOT_MASTER_KEY_FILE (" + file + ") can be read or written by others (mode rw-r--r--);"
                + " refusing to use it, make it private with: chmod 600 " + file, e.getMessage());
    }

    @Test
    void groupReadableKeyFileIsRefused() throws IOException {
        Path file = privateFile("group.key", KEY);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        MasterKeySource source = MasterKeySource.of(Optional.empty(), Optional.of(file), Optional.empty(), defaultFile());
        assertThrows(MasterKeyException.class, source::load);
    }

    @Test
    void missingNamedFileIsAnErrorNamingTheSetting() {
        Path file = dir.resolve("absent.key");
        MasterKeySource source = MasterKeySource.of(Optional.empty(), Optional.of(file), Optional.empty(), defaultFile());
        MasterKeyException e = assertThrows(MasterKeyException.class, source::loadOrCreate);
        assertEquals("master key BOT_MASTER_KEY_FILE (" + file + ") does not exist", e.getMessage());
        assertFalse(Files.exists(file));
    }

    @Test
    void malformedKeyFileIsRefused() throws IOException {
        Path file = privateFile("short.key", "c2hvcnQ=".getBytes(StandardCharsets.US_ASCII));
        MasterKeySource source = MasterKeySource.of(Optional.empty(), Optional.of(file), Optional.empty(), defaultFile());
        MasterKeyException e = assertThrows(MasterKeyException.class, source::load);
        assertTrue(e.getMessage().endsWith("must be 32 bytes, raw or in base64; it decodes to 5 bytes"), e.getMessage());
    }

    @Test
    void defaultFileIsCreatedOnFirstUsePrivateInAPrivateFolderAndThenReused() throws IOException {
        MasterKeySource source = MasterKeySource.of(Optional.empty(), Optional.empty(), Optional.empty(), defaultFile());
        MasterKeyException missing = assertThrows(MasterKeyException.class, source::load);
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
        assertFalse(Files.exists(defaultFile()), "load() never creates the key");

        MasterKey first = source.loadOrCreate();
        assertEquals(32, Files.size(defaultFile()));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(defaultFile())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(defaultFile().getParent())));
        try (var files = Files.list(defaultFile().getParent())) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
        byte[] stored = Files.readAllBytes(defaultFile());
        assertTrue(sameKey(first, stored));
        assertTrue(sameKey(source.loadOrCreate(), stored), "the second use reads the same key");
        assertArrayEquals(stored, Files.readAllBytes(defaultFile()));
    }
}
