package bot.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/** Ed25519 signature of the payload (JDK EdDSA), as base64. The key comes from a PKCS#8 PEM. */
public final class Ed25519Signer implements PayloadSigner {
    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";
    private final PrivateKey key;

    /** Parses the PEM; the caller may wipe {@code pem} afterwards (the decoded copy is wiped here). */
    public Ed25519Signer(byte[] pem) {
        byte[] der = decodePem(pem);
        try {
            key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the Ed25519 private key is not a valid PKCS#8 key");
        } finally {
            Arrays.fill(der, (byte) 0);
        }
    }

    @Override
    public String sign(String payload) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(key);
            signature.update(payload.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    @Override
    public String toString() {
        return "Ed25519Signer[key hidden]";
    }

    /** The DER bytes between the PEM armour lines; no String holds the key material. */
    private static byte[] decodePem(byte[] pem) {
        int start = indexOf(pem, BEGIN.getBytes(StandardCharsets.US_ASCII), 0);
        int end = start < 0 ? -1 : indexOf(pem, END.getBytes(StandardCharsets.US_ASCII), start);
        if (start < 0 || end < 0) {
            throw new IllegalArgumentException("the Ed25519 private key is not a PEM 'PRIVATE KEY' block");
        }
        byte[] body = Arrays.copyOfRange(pem, start + BEGIN.length(), end);
        try {
            return Base64.getMimeDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the Ed25519 private key PEM is not valid base64");
        } finally {
            Arrays.fill(body, (byte) 0);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
