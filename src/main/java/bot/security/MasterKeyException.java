package bot.security;

/**
 * The master key cannot be used: missing, unreadable, readable by others, malformed, or not the key
 * the credentials were encrypted with. The message is one line, names the key's source and never
 * holds key material.
 */
public final class MasterKeyException extends RuntimeException {
    public MasterKeyException(String message) {
        super(message);
    }
}
