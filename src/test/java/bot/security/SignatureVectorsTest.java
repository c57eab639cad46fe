package bot.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bot.testing.TestData;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Every published vector of signature-vectors.txt, reproduced exactly. */
class SignatureVectorsTest {

    @Test
    void reproducesEveryPublishedVector() {
        byte[] pem = TestData.bytes("ed25519-test-key.pem");
        String secret = null;
        String payload = null;
        int hmac = 0;
        int ed25519 = 0;
        for (String line : TestData.text("signature-vectors.txt").split("\n")) {
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String name = line.substring(0, line.indexOf('='));
            String value = line.substring(line.indexOf('=') + 1);
            switch (name) {
                case "secretKey" -> secret = value;
                case "payload" -> payload = value;
                case "signature" -> {
                    assertEquals(value, new HmacSha256Signer(secret.getBytes(StandardCharsets.US_ASCII)).sign(payload),
                            "HMAC of " + payload);
                    hmac++;
                }
                case "ed25519_signature_base64" -> {
                    assertEquals(value, new Ed25519Signer(pem).sign(payload), "Ed25519 of " + payload);
                    ed25519++;
                }
                default -> {
                    // apiKey: not part of the signature
                }
            }
        }
        assertEquals(2, hmac, "HMAC vectors found");
        assertEquals(1, ed25519, "Ed25519 vectors found");
    }

    @Test
    void signerIsChosenByTheAccountsKeyType() {
        byte[] pem = TestData.bytes("ed25519-test-key.pem");
        assertEquals("1KohSdsEYUHEO2qTbkkjbmFdufaUTF9dKat6oUwE2RHT+zThFX4i1MMeNC5nqH0Eya07jbRN9/Lq1HaTgjD2Aw==",
                PayloadSigner.forKeyType("ed25519", pem).sign("timestamp=1736393892000"));
        assertEquals(64, PayloadSigner.forKeyType("HMAC", "s".getBytes(StandardCharsets.US_ASCII)).sign("x").length());
        assertThrows(IllegalArgumentException.class, () -> PayloadSigner.forKeyType("none", new byte[1]));
    }

    @Test
    void aBrokenKeyIsRefusedWithoutShowingIt() {
        byte[] notPem = "MC4CAQAwBQYDK2VwBCIEILpXm6EtDzSzPJWHTbP904h5R3bzb0QsLjTf1tAt2OlB".getBytes(StandardCharsets.US_ASCII);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Ed25519Signer(notPem));
        assertFalse(e.getMessage().contains("MC4C"), e.getMessage());
        byte[] badBody = "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n".getBytes(StandardCharsets.US_ASCII);
        assertThrows(IllegalArgumentException.class, () -> new Ed25519Signer(badBody));
        assertFalse(new Ed25519Signer(TestData.bytes("ed25519-test-key.pem")).toString().contains("MC4C"));
    }
}
