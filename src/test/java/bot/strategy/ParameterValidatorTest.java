package bot.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.strategy.kinds.MeanReversionKind;
import bot.strategy.kinds.RsiKind;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ParameterValidatorTest {
    private final StrategyKind meanReversion = new MeanReversionKind();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "order_value|1e999999999|too large",
        "order_value|1e400|too large",
        "order_value|1e-999999|more than 34 decimals",
        "order_value|0|out of range",
        "order_value|abc|not a number",
        "window|100000000|out of range",
        "window|99999999999999999999|too large",
        "window|2.5|not a whole number",
        "threshold|2|out of range",
    })
    void absurdValuesAreRefusedNamingTheParameter(String name, String value, String problem) {
        Map<String, String> raw = name.equals("order_value") ? Map.of(name, value) : Map.of("order_value", "1", name, value);
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> meanReversion.validate(raw));
        assertEquals(name, e.parameter());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    @Test
    void exponentFormsAreReadAsPlainValues() {
        StrategyParameters p = meanReversion.validate(Map.of("order_value", "1E+2", "window", "3.0"));
        assertEquals("100", p.decimal("order_value").toPlainString());
        assertEquals(3, p.integer("window"));
    }

    @Test
    void thePriceBandMustNotBeEmpty() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> meanReversion.validate(Map.of("order_value", "1", "min_price", "100", "max_price", "10")));
        assertEquals("max_price", e.parameter());
    }

    @Test
    void rsiBuysBelowWhereItSells() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> new RsiKind().validate(Map.of("order_value", "1", "buy_below", "70", "sell_above", "30")));
        assertEquals("buy_below", e.parameter());
        assertEquals(new BigDecimal("40"), new RsiKind().validate(Map.of("order_value", "1")).decimal("buy_below"));
    }
}
