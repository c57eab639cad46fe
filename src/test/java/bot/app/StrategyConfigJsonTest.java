package bot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrategyConfigJsonTest {

    @Test
    void numbersAndStringsAreExactDecimalText() {
        Map<String, String> values = StrategyConfigJson.parse("{\"a\": 0.10, \"b\": \"0.005\", \"c\": 1e-8,"
                + " \"d\": 123456789012345678901234567890, \"e\": 0.1000000000000000055511151231257827, \"f\": 20}", "--config");
        assertEquals(List.of("a", "b", "c", "d", "e", "f"), List.copyOf(values.keySet()));
        assertEquals("0.10", values.get("a"));
        assertEquals("0.005", values.get("b"));
        assertEquals("0.00000001", values.get("c"));
        assertEquals("123456789012345678901234567890", values.get("d"));
        assertEquals("0.1000000000000000055511151231257827", values.get("e"));
        assertEquals("20", values.get("f"));
    }

    @Test
    void emptyObjectIsNoParameters() {
        assertEquals(Map.of(), StrategyConfigJson.parse(" {} ", "--config"));
    }

    @Test
    void refusalsNameTheField() {
        assertEquals("--config-file: not valid JSON at line 1 column 2: Unexpected end-of-input: expected close marker"
                        + " for Object",
                assertThrows(InputException.class, () -> StrategyConfigJson.parse("{", "--config-file")).getMessage());
        assertEquals("--config: parameter x: must be a number or a decimal in a string, got null",
                assertThrows(InputException.class, () -> StrategyConfigJson.parse("{\"x\": null}", "--config")).getMessage());
        assertThrows(InputException.class, () -> StrategyConfigJson.parse("{\"x\": {\"y\": 1}}", "--config"));
        assertThrows(InputException.class, () -> StrategyConfigJson.parse("{\"x\": 1} {}", "--config"));
        assertThrows(InputException.class, () -> StrategyConfigJson.parse("\"text\"", "--config"));
        assertThrows(InputException.class, () -> StrategyConfigJson.parse("", "--config"));
    }
}
