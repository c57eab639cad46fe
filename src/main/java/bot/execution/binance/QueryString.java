package bot.execution.binance;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code k=v&k=v} with every byte outside RFC 3986's unreserved set percent-encoded (UTF-8, upper
 * case hex). Binance signs exactly the string that is sent, so this one encoding is used for both.
 */
final class QueryString {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private QueryString() {
    }

    static String of(Map<String, String> parameters) {
        StringBuilder out = new StringBuilder();
        parameters.forEach((name, value) -> {
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(encode(name)).append('=').append(encode(value));
        });
        return out.toString();
    }

    static String encode(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
            }
        }
        return out.toString();
    }
}
