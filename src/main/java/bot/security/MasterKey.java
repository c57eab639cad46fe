package bot.security;

import java.util.Arrays;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** The 256-bit key that encrypts API credentials, with where it came from (for error messages). */
public final class MasterKey {
    public static final int LENGTH = 32;
    /** The version written before every ciphertext, so a later key can be told apart on rotation. */
    public static final byte CURRENT_VERSION = 1;

    private final SecretKey key;
    private final byte version;
    private final String source;

    public MasterKey(byte[] bytes, byte version, String source) {
        if (bytes.length != LENGTH) {
            throw new MasterKeyException("master key from " + source + " must be " + LENGTH + " bytes, got "
                    + bytes.length);
        }
        this.key = new SecretKeySpec(Arrays.copyOf(bytes, LENGTH), "AES");
        this.version = version;
        this.source = source;
    }

    SecretKey secretKey() {
        return key;
    }

    public byte version() {
        return version;
    }

    /** Where the key came from, e.g. {@code BOT_MASTER_KEY} or a file's path; never the key itself. */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return "master key v" + version + " from " + source;
    }
}
