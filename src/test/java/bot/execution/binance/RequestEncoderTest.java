package bot.execution.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import bot.security.HmacSha256Signer;
import bot.security.PayloadSigner;
import bot.testing.TestData;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/** The signed requests on the wire reproduce the published vectors: query, then body, then signature. */
class RequestEncoderTest {
    private static final HttpUrl BASE = HttpUrl.get("https://api.binance.com");
    private static final PayloadSigner HMAC = new HmacSha256Signer(
            "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j".getBytes(StandardCharsets.US_ASCII));
    private static final String API_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";

    @Test
    void allParametersInTheQueryString() {
        Map<String, String> query = ordered("symbol", "LTCBTC", "side", "BUY", "type", "LIMIT", "timeInForce", "GTC",
                "quantity", "1", "price", "0.1");
        Request request = new RequestEncoder(BASE, API_KEY, HMAC, 5000L)
                .encode(new BinanceRequest("POST", "/api/v3/order", query, Map.of(), 1, true, true), 1499827319559L);
        assertEquals("symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000"
                + "&timestamp=1499827319559&signature=c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71",
                request.url().encodedQuery());
        assertEquals(API_KEY, request.header("X-MBX-APIKEY"));
        assertEquals("", body(request));
    }

    @Test
    void queryStringThenBodyWithNothingBetween() {
        Map<String, String> query = ordered("symbol", "LTCBTC", "side", "BUY", "type", "LIMIT", "timeInForce", "GTC");
        Map<String, String> body = ordered("quantity", "1", "price", "0.1");
        Request request = new RequestEncoder(BASE, API_KEY, HMAC, 5000L)
                .encode(new BinanceRequest("POST", "/api/v3/order", query, body, 1, true, true), 1499827319559L);
        assertEquals("symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC", request.url().encodedQuery());
        assertEquals("quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559"
                + "&signature=0fd168b8ddb4876a0358a8d14d0c9f3da0e9b20c5d52b2a00fcf7d1c602f9a77", body(request));
    }

    @Test
    void ed25519SignatureIsPercentEncodedOnTheWire() {
        PayloadSigner ed25519 = PayloadSigner.forKeyType("ed25519", TestData.bytes("ed25519-test-key.pem"));
        Request request = new RequestEncoder(BASE, "key", ed25519, null)
                .encode(BinanceRequest.signedGet("/api/v3/account", Map.of(), 20), 1736393892000L);
        assertEquals("timestamp=1736393892000&signature="
                + "1KohSdsEYUHEO2qTbkkjbmFdufaUTF9dKat6oUwE2RHT%2BzThFX4i1MMeNC5nqH0Eya07jbRN9%2FLq1HaTgjD2Aw%3D%3D",
                request.url().encodedQuery());
        assertNull(request.body());
    }

    @Test
    void nonAsciiIsPercentEncodedBeforeSigning() {
        Request request = new RequestEncoder(BASE, API_KEY, HMAC, null)
                .encode(BinanceRequest.signedGet("/api/v3/order", ordered("symbol", "１２３４５６"), 4), 1L);
        String query = request.url().encodedQuery();
        String signed = "symbol=%EF%BC%91%EF%BC%92%EF%BC%93%EF%BC%94%EF%BC%95%EF%BC%96&timestamp=1";
        assertEquals(signed + "&signature=" + HMAC.sign(signed), query);
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static String body(Request request) {
        try (Buffer buffer = new Buffer()) {
            request.body().writeTo(buffer);
            return buffer.readUtf8();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
