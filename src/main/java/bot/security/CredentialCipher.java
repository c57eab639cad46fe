package bot.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM for stored credentials. A value is {@code version (1 byte) | nonce (12) |
 * ciphertext and tag (16)}: a fresh random nonce per value, and the owner's identity (e.g.
 * {@code account:main:api_secret}) bound in as associated data together with the version byte, so
 * a value copied onto another row or field, or altered in any byte, fails to decrypt.
 */
public final class CredentialCipher {
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final MasterKey key;
    private final SecureRandom random;

    public CredentialCipher(MasterKey key) {
        this(key, new SecureRandom());
    }

    CredentialCipher(MasterKey key, SecureRandom random) {
        this.key = key;
        this.random = random;
    }

    public byte[] encrypt(byte[] plaintext, String identity) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(key.version(), identity));
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length)
                    .put(key.version()).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JDK: " + e.getMessage(), e);
        }
    }

    public byte[] encrypt(String plaintext, String identity) {
        return encrypt(plaintext.getBytes(StandardCharsets.UTF_8), identity);
    }

    /**
     * @throws MasterKeyException when the value was encrypted under another key version, with another
     *                            key, for another identity, or was altered
     */
    public byte[] decrypt(byte[] value, String identity) {
        if (value.length < 1 + NONCE_BYTES + TAG_BITS / 8) {
            throw new MasterKeyException("the stored credential of " + identity + " is truncated ("
                    + value.length + " bytes)");
        }
        byte version = value[0];
        if (version != key.version()) {
            throw new MasterKeyException("the stored credential of " + identity + " was encrypted with master key"
                    + " version " + version + ", but the key from " + key.source() + " is version " + key.version());
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key.secretKey(),
                    new GCMParameterSpec(TAG_BITS, value, 1, NONCE_BYTES));
            cipher.updateAAD(associatedData(version, identity));
            return cipher.doFinal(value, 1 + NONCE_BYTES, value.length - 1 - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new MasterKeyException("cannot decrypt the stored credential of " + identity + " with the master key"
                    + " from " + key.source() + ": it is not the key the credential was encrypted with,"
                    + " or the stored value was altered");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JDK: " + e.getMessage(), e);
        }
    }

    public String decryptText(byte[] value, String identity) {
        return new String(decrypt(value, identity), StandardCharsets.UTF_8);
    }

    private static byte[] associatedData(byte version, String identity) {
        byte[] id = identity.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(1 + id.length).put(version).put(id).array();
    }
}
