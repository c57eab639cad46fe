package bot.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CredentialCipherTest {
    private static final String SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
    private static final String IDENTITY = "account 'main' api_secret";
    private final MasterKey key = key((byte) 7, "BOT_MASTER_KEY");
    private final CredentialCipher cipher = new CredentialCipher(key);

    private static MasterKey key(byte fill, String source) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, fill);
        return new MasterKey(bytes, MasterKey.CURRENT_VERSION, source);
    }

    @Test
    void roundTripGivesBackThePlaintext() {
        byte[] sealed = cipher.encrypt(SECRET, IDENTITY);
        assertEquals(SECRET, cipher.decryptText(sealed, IDENTITY));
    }

    @Test
    void valueIsVersionNonceCiphertextAndTagWithAFreshNonceEachTime() {
        byte[] a = cipher.encrypt(SECRET, IDENTITY);
        byte[] b = cipher.encrypt(SECRET, IDENTITY);
        assertEquals(1 + 12 + SECRET.length() + 16, a.length);
        assertEquals(MasterKey.CURRENT_VERSION, a[0]);
        assertFalse(Arrays.equals(Arrays.copyOfRange(a, 1, 13), Arrays.copyOfRange(b, 1, 13)), "nonces differ");
        assertFalse(new String(a, StandardCharsets.ISO_8859_1).contains(SECRET));
    }

    @Test
    void tamperedCiphertextIsDetected() {
        byte[] sealed = cipher.encrypt(SECRET, IDENTITY);
        sealed[20] ^= 1;
        assertThrows(MasterKeyException.class, () -> cipher.decrypt(sealed, IDENTITY));
    }

    @Test
    void tamperedTagIsDetected() {
        byte[] sealed = cipher.encrypt(SECRET, IDENTITY);
        sealed[sealed.length - 1] ^= 1;
        assertThrows(MasterKeyException.class, () -> cipher.decrypt(sealed, IDENTITY));
    }

    @Test
    void tamperedNonceIsDetected() {
        byte[] sealed = cipher.encrypt(SECRET, IDENTITY);
        sealed[1] ^= 1;
        assertThrows(MasterKeyException.class, () -> cipher.decrypt(sealed, IDENTITY));
    }

    @Test
    void otherAssociatedDataIsDetected() {
        byte[] sealed = cipher.encrypt(SECRET, IDENTITY);
        MasterKeyException e = assertThrows(MasterKeyException.class,
                () -> cipher.decrypt(sealed, "account 'other' api_secret"));
        assertTrue(e.getMessage().contains("account 'other'"), e.getMessage());
        assertArrayEquals(SECRET.getBytes(StandardCharsets.UTF_8), cipher.decrypt(sealed, IDENTITY));
    }

    @Test
    void changedVersionByteIsRefusedNamingBothVersions() {
        byte[] sealed = cipher.encrypt(SECRET, IDENTITY);
        sealed[0] = 2;
        MasterKeyException e = assertThrows(MasterKeyException.class, () -> cipher.decrypt(sealed, IDENTITY));
        assertEquals("the stored credential of account 'main' api_secret was encrypted with master key version 2,"
                + " but the key from BOT_MASTER_KEY is version 1", e.getMessage());
    }

    @Test
    void wrongMasterKeyIsRefusedWithOneLineNamingTheKeySource() {
        byte[] sealed = cipher.encrypt(SECRET, IDENTITY);
        CredentialCipher other = new CredentialCipher(key((byte) 8, "file /srv/bot/var/secret/master.key"));
        MasterKeyException e = assertThrows(MasterKeyException.class, () -> other.decrypt(sealed, IDENTITY));
        assertTrue(e.getMessage().contains("with the master key from file /srv/bot/var/secret/master.key"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertFalse(e.getMessage().contains(SECRET));
    }

    @Test
    void truncatedValueIsRefused() {
        assertThrows(MasterKeyException.class, () -> cipher.decrypt(new byte[] {1, 2, 3}, IDENTITY));
    }

    @Test
    void masterKeyMustBe32Bytes() {
        MasterKeyException e = assertThrows(MasterKeyException.class,
                () -> new MasterKey(new byte[16], MasterKey.CURRENT_VERSION, "BOT_MASTER_KEY"));
        assertEquals("master key from BOT_MASTER_KEY must be 32 bytes, got 16", e.getMessage());
        assertFalse(key.toString().contains("7"), "toString shows no key bytes: " + key);
    }
}
