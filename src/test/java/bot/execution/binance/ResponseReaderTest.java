package bot.execution.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.rest.RestAnswer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** How answers are told apart: rejections, unknown outcomes, rate limits. */
class ResponseReaderTest {

    @Test
    void anErrorBodyIsARejectionWithItsCodeAndMessage() {
        BinanceRejectedException e = assertThrows(BinanceRejectedException.class,
                () -> ResponseReader.read(answer(400, "{\"code\":-1013,\"msg\":\"Filter failure: LOT_SIZE\"}")));
        assertEquals(new BinanceError(400, -1013, "Filter failure: LOT_SIZE"), e.error());
    }

    @Test
    void executionStatusUnknownCodesAreUnknownWhateverTheStatus() {
        for (int code : new int[] {-1006, -1007}) {
            BinanceUnavailableException e = assertThrows(BinanceUnavailableException.class,
                    () -> ResponseReader.read(answer(400, "{\"code\":" + code + ",\"msg\":\"status unknown\"}")));
            assertTrue(e.sent());
        }
        assertThrows(BinanceUnavailableException.class, () -> ResponseReader.read(answer(504, "<html>Gateway Timeout</html>")));
        assertThrows(BinanceUnavailableException.class, () -> ResponseReader.read(answer(200, "{\"orderId\":")));
    }

    @Test
    void aWafPageIsARejectionWithThePageAsMessage() {
        BinanceRejectedException e = assertThrows(BinanceRejectedException.class,
                () -> ResponseReader.read(answer(403, "<html>Forbidden</html>")));
        assertEquals(0, e.code());
        assertEquals("<html>Forbidden</html>", e.error().msg());
    }

    @Test
    void rateLimitsAreUnknownOutcomesNotRejections() {
        for (int status : new int[] {418, 429}) {
            BinanceUnavailableException e = assertThrows(BinanceUnavailableException.class,
                    () -> ResponseReader.read(answer(status, "{\"code\":-1003,\"msg\":\"Too much request weight used\"}")));
            assertTrue(e.sent());
            assertTrue(e.getMessage().startsWith("rate limited"), e.getMessage());
        }
    }

    private static RestAnswer answer(int status, String body) {
        return new RestAnswer(status, body.getBytes(StandardCharsets.UTF_8));
    }
}
