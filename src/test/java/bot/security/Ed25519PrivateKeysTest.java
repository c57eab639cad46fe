package bot.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.testing.TestData;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class Ed25519PrivateKeysTest {

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END " + label + "-----\n";
    }

    @Test
    void publishedTestKeyIsAcceptedAndSignsBinancesVector() throws Exception {
        var key = Ed25519PrivateKeys.parse(TestData.text("ed25519-test-key.pem"));
        assertEquals("Ed25519", ((EdECPrivateKey) key).getParams().getName());
        Signature signature = Signature.getInstance("Ed25519");
        signature.initSign(key);
        signature.update("timestamp=1736393892000".getBytes());
        assertEquals("1KohSdsEYUHEO2qTbkkjbmFdufaUTF9dKat6oUwE2RHT+zThFX4i1MMeNC5nqH0Eya07jbRN9/Lq1HaTgjD2Aw==",
                Base64.getEncoder().encodeToString(signature.sign()));
    }

    @Test
    void garbagePemIsRefused() {
        String garbage = pem("PRIVATE KEY", "this is not a key at all, just text".getBytes());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ed25519PrivateKeys.parse(garbage));
        assertEquals("is not an Ed25519 private key (PKCS#8)", e.getMessage());
    }

    @Test
    void textThatIsNoPemIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Ed25519PrivateKeys.parse("NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP"));
        assertThrows(IllegalArgumentException.class, () -> Ed25519PrivateKeys.parse(
                "-----BEGIN PRIVATE KEY-----\n!!!!\n-----END PRIVATE KEY-----"));
    }

    @Test
    void publicKeyIsRefusedWithAHint() throws Exception {
        var pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Ed25519PrivateKeys.parse(pem("PUBLIC KEY", pair.getPublic().getEncoded())));
        assertTrue(e.getMessage().startsWith("is a public key"), e.getMessage());
    }

    @Test
    void otherAlgorithmsAreRefused() throws Exception {
        var ec = KeyPairGenerator.getInstance("EC").generateKeyPair();
        assertThrows(IllegalArgumentException.class,
                () -> Ed25519PrivateKeys.parse(pem("PRIVATE KEY", ec.getPrivate().getEncoded())));
        var ed448 = KeyPairGenerator.getInstance("Ed448").generateKeyPair();
        assertThrows(IllegalArgumentException.class,
                () -> Ed25519PrivateKeys.parse(pem("PRIVATE KEY", ed448.getPrivate().getEncoded())));
        assertThrows(IllegalArgumentException.class,
                () -> Ed25519PrivateKeys.parse(pem("RSA PRIVATE KEY", ec.getPrivate().getEncoded())));
    }

    @Test
    void freshlyGeneratedKeyIsAccepted() throws Exception {
        var pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        assertEquals(pair.getPrivate(), Ed25519PrivateKeys.parse(pem("PRIVATE KEY", pair.getPrivate().getEncoded())));
    }
}
