package bot.security;

import java.util.Locale;

/** How an account's requests are signed; {@code none} for an account without keys (paper only). */
public enum KeyType {
    NONE,
    HMAC,
    ED25519;

    /** The code stored in accounts.key_type and given to --key-type. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static KeyType parse(String code) {
        for (KeyType type : values()) {
            if (type.code().equals(code)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown key type '" + code + "', expected hmac or ed25519");
    }
}
