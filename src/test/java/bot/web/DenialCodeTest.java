package bot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DenialCodeTest {
    @Test
    void aReasonIsCountedUnderItsCodeOrAWordForItsSentence() {
        assertEquals("LOT_SIZE", DenialCode.of("LOT_SIZE: quantity 0.00001 below minQty 0.001"));
        assertEquals("NOTIONAL", DenialCode.of("NOTIONAL: value 4.2 below minNotional 5"));
        assertEquals("NO_RULES", DenialCode.of("NO_RULES: no exchange rules for XRPETH"));
        assertEquals("POSITION_OPEN", DenialCode.of("already holding 710 XRPETH: at most one position"));
        assertEquals("NO_POSITION", DenialCode.of("no position to sell"));
        assertEquals("other", DenialCode.of("a sentence: with a colon"));
        assertEquals("other", DenialCode.of(null));
    }
}
