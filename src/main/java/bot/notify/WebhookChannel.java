package bot.notify;

import bot.json.Json;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** POSTs each notice as a JSON object to BOT_NOTIFY_URL; any 2xx answer is a delivery. */
final class WebhookChannel implements NoticeChannel {
    static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private final OkHttpClient http;
    private final String url;

    WebhookChannel(OkHttpClient http, String url) {
        this.http = http;
        this.url = url;
    }

    @Override
    public String name() {
        return "webhook";
    }

    /** The JSON body: kind, strategy, text, time, and the notice's fields. */
    static Map<String, Object> body(Notice notice) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", notice.kind().name());
        body.put("strategy", notice.strategy());
        body.put("text", notice.text());
        body.put("time", notice.time().toString());
        body.put("fields", notice.fields());
        return body;
    }

    @Override
    public void send(Notice notice) throws IOException {
        Request request = new Request.Builder().url(url)
                .post(RequestBody.create(Json.MAPPER.writeValueAsBytes(body(notice)), JSON)).build();
        try (Response response = http.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new IOException("the webhook answered HTTP " + response.code());
            }
        }
    }
}
