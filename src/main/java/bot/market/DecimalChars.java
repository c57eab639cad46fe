package bot.market;

import java.math.BigDecimal;

/**
 * A decimal read straight from a parser's character buffer. Binance's prices and volumes have at
 * most 18 digits, which fit a long: read so, they cost a quarter of the JDK's general parser, the
 * larger part of a kline event's cost. Anything else (more digits, an exponent) goes to the JDK.
 */
final class DecimalChars {
    /** Longest unscaled value read without BigInteger: 18 digits always fit in a long. */
    private static final int FAST_DIGITS = 18;

    private DecimalChars() {
    }

    /** @throws NumberFormatException when the text is not a decimal */
    static BigDecimal parse(char[] chars, int offset, int length) {
        int end = offset + length;
        int i = offset;
        boolean negative = length > 0 && chars[i] == '-';
        if (negative) {
            i++;
        }
        long unscaled = 0;
        int digits = 0;
        int scale = -1;
        for (; i < end; i++) {
            char c = chars[i];
            if (c >= '0' && c <= '9' && digits < FAST_DIGITS) {
                digits++;
                unscaled = unscaled * 10 + (c - '0');
                if (scale >= 0) {
                    scale++;
                }
            } else if (c == '.' && scale < 0) {
                scale = 0;
            } else {
                return new BigDecimal(chars, offset, length);
            }
        }
        if (digits == 0) {
            return new BigDecimal(chars, offset, length); // "", "-", "." : the JDK says why not
        }
        return BigDecimal.valueOf(negative ? -unscaled : unscaled, Math.max(scale, 0));
    }
}
