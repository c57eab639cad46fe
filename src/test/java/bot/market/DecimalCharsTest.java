package bot.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast path gives exactly what the JDK's parser gives, value and scale, and refuses what it refuses. */
class DecimalCharsTest {

    @ParameterizedTest
    @ValueSource(strings = {"66477.91000000", "0", "-0", "0.00000001", "-12.5", "5.", ".5", "123456789012345678",
        "1234567890123456789", "12345678901234567890.123456789", "1e5", "-1.5E-3", "+7", "007.10"})
    void sameValueAndScaleAsTheJdk(String text) {
        BigDecimal expected = new BigDecimal(text);
        BigDecimal read = DecimalChars.parse(("x" + text + "y").toCharArray(), 1, text.length());
        assertEquals(expected, read);
        assertEquals(expected.scale(), read.scale());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", ".", "1.2.3", "abc", "1-2", " 1", "--1"})
    void refusesWhatTheJdkRefuses(String text) {
        assertThrows(NumberFormatException.class, () -> DecimalChars.parse(text.toCharArray(), 0, text.length()));
    }
}
