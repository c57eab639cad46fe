package bot.security;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads an Ed25519 private key from PEM (PKCS#8, {@code BEGIN PRIVATE KEY}) with the JDK's EdDSA support. */
public final class Ed25519PrivateKeys {
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]+?)\\s*-----END \\1-----", Pattern.DOTALL);

    private Ed25519PrivateKeys() {
    }

    /** True when the text looks like a PEM block at all (whatever it holds). */
    public static boolean looksLikePem(String text) {
        return text.strip().startsWith("-----BEGIN ");
    }

    /**
     * @throws IllegalArgumentException with a one-line reason (never the key's content) when the text
     *                                  is not an Ed25519 private key in PKCS#8 PEM
     */
    public static PrivateKey parse(String pem) {
        Matcher m = PEM.matcher(pem.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("is not a PEM block (-----BEGIN PRIVATE KEY----- ... -----END PRIVATE KEY-----)");
        }
        String label = m.group(1);
        if (label.contains("PUBLIC")) {
            throw new IllegalArgumentException("is a public key; give the Ed25519 private key (the public one is"
                    + " what you register with Binance)");
        }
        if (!label.equals("PRIVATE KEY")) {
            throw new IllegalArgumentException("is a '" + label + "' PEM block; an Ed25519 private key in PKCS#8"
                    + " form (-----BEGIN PRIVATE KEY-----) is expected");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(m.group(2));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the PEM body is not valid base64");
        }
        PrivateKey key;
        try {
            key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("is not an Ed25519 private key (PKCS#8)");
        }
        if (!(key instanceof EdECPrivateKey edec) || !"Ed25519".equalsIgnoreCase(edec.getParams().getName())) {
            throw new IllegalArgumentException("is not an Ed25519 private key");
        }
        return key;
    }
}
