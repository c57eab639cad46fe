package bot.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a signed request the way Binance does: a known API key, {@code timestamp} within
 * {@code recvWindow} of the server's time and not more than 1 s ahead of it (-1021), and a
 * signature over the raw query string followed by the raw body, without the signature itself (-1022).
 */
final class FakeRequestAuth {

    /** How one account's signatures are verified. */
    interface Key {
        boolean verifies(String payload, String signature);
    }

    private FakeRequestAuth() {
    }

    static Key hmac(String secret) {
        return (payload, signature) -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                String expected = HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
                return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                        signature.getBytes(StandardCharsets.US_ASCII));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    static Key ed25519(PublicKey publicKey) {
        return (payload, signature) -> {
            try {
                Signature verifier = Signature.getInstance("Ed25519");
                verifier.initVerify(publicKey);
                verifier.update(payload.getBytes(StandardCharsets.UTF_8));
                return verifier.verify(Base64.getDecoder().decode(signature));
            } catch (IllegalArgumentException | GeneralSecurityException e) {
                return false;
            }
        };
    }

    /**
     * @param params the decoded parameters of query and body
     * @param rawQuery the query string as sent (null when none)
     * @param rawBody the body as sent
     */
    static Optional<FakeError> check(Key key, Map<String, String> params, String rawQuery, String rawBody, long serverTime) {
        if (key == null) {
            return Optional.of(new FakeError(401, -2015, "Invalid API-key, IP, or permissions for action."));
        }
        String timestamp = params.get("timestamp");
        if (timestamp == null || !timestamp.matches("\\d{1,19}")) {
            return Optional.of(FakeError.mandatory("timestamp"));
        }
        long recvWindow = params.containsKey("recvWindow") ? Long.parseLong(params.get("recvWindow")) : 5000;
        if (recvWindow > 60_000) {
            return Optional.of(FakeError.badRequest(-1131, "recvWindow must be less than 60000"));
        }
        long ts = Long.parseLong(timestamp);
        if (ts >= serverTime + 1000) {
            return Optional.of(FakeError.badRequest(-1021, "Timestamp for this request was 1000ms ahead of the server's time."));
        }
        if (serverTime - ts > recvWindow) {
            return Optional.of(FakeError.badRequest(-1021, "Timestamp for this request is outside of the recvWindow."));
        }
        String signature = params.get("signature");
        if (signature == null || signature.isEmpty()) {
            return Optional.of(FakeError.mandatory("signature"));
        }
        String payload = withoutSignature(rawQuery == null ? "" : rawQuery) + withoutSignature(rawBody);
        if (!key.verifies(payload, signature)) {
            return Optional.of(FakeError.badRequest(-1022, "Signature for this request is not valid."));
        }
        return Optional.empty();
    }

    private static String withoutSignature(String raw) {
        if (raw.isEmpty()) {
            return raw;
        }
        List<String> kept = new ArrayList<>();
        for (String part : raw.split("&", -1)) {
            if (!part.startsWith("signature=")) {
                kept.add(part);
            }
        }
        return String.join("&", kept);
    }
}
