package bot.execution.binance;

import bot.security.PayloadSigner;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Turns a {@link BinanceRequest} into the HTTP request Binance expects. A signed one gets
 * {@code recvWindow} and {@code timestamp} last, then a signature over the query string followed
 * directly by the body (both exactly as sent), and the {@code X-MBX-APIKEY} header.
 */
final class RequestEncoder {
    static final String API_KEY_HEADER = "X-MBX-APIKEY";
    private static final MediaType FORM = MediaType.get("application/x-www-form-urlencoded");

    private final HttpUrl baseUrl;
    private final String apiKey;
    private final PayloadSigner signer;
    private final Long recvWindowMillis;

    /** @param recvWindowMillis null to leave it out (Binance's default of 5000 ms then applies) */
    RequestEncoder(HttpUrl baseUrl, String apiKey, PayloadSigner signer, Long recvWindowMillis) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.signer = signer;
        this.recvWindowMillis = recvWindowMillis;
    }

    Request encode(BinanceRequest request, long timestampMillis) {
        Map<String, String> query = new LinkedHashMap<>(request.query());
        Map<String, String> body = new LinkedHashMap<>(request.body());
        String queryString;
        String bodyString;
        Request.Builder builder = new Request.Builder();
        if (request.signed()) {
            if (signer == null) {
                throw new IllegalStateException("a signed request needs an account's keys: " + request.path());
            }
            Map<String, String> timed = body.isEmpty() ? query : body;
            if (recvWindowMillis != null) {
                timed.put("recvWindow", Long.toString(recvWindowMillis));
            }
            timed.put("timestamp", Long.toString(timestampMillis));
            queryString = QueryString.of(query);
            bodyString = QueryString.of(body);
            String signature = "signature=" + QueryString.encode(signer.sign(queryString + bodyString));
            if (body.isEmpty()) {
                queryString = queryString.isEmpty() ? signature : queryString + "&" + signature;
            } else {
                bodyString = bodyString + "&" + signature;
            }
            builder.header(API_KEY_HEADER, apiKey);
        } else {
            queryString = QueryString.of(query);
            bodyString = QueryString.of(body);
        }
        HttpUrl url = baseUrl.newBuilder()
                .encodedPath(request.path())
                .encodedQuery(queryString.isEmpty() ? null : queryString)
                .build();
        RequestBody requestBody = "GET".equals(request.method()) ? null
                : bodyString.isEmpty() ? new FormBody.Builder().build()
                : RequestBody.create(bodyString, FORM);
        return builder.url(url).method(request.method(), requestBody).build();
    }
}
