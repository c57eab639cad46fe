package bot.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 of the payload with the account's secret, as lower-case hex. */
public final class HmacSha256Signer implements PayloadSigner {
    private static final String ALGORITHM = "HmacSHA256";
    private final Mac mac;

    /** Keeps a keyed copy of {@code secret} inside the JCE; the caller may wipe its array afterwards. */
    public HmacSha256Signer(byte[] secret) {
        if (secret.length == 0) {
            throw new IllegalArgumentException("the HMAC secret is empty");
        }
        try {
            mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    @Override
    public String sign(String payload) {
        byte[] digest;
        synchronized (mac) {
            digest = mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest);
    }

    @Override
    public String toString() {
        return "HmacSha256Signer[secret hidden]";
    }
}
