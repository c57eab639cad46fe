package bot.notify;

import bot.json.Json;
import java.io.IOException;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Sends each notice's text to a Telegram chat through the Bot API's sendMessage. The token is part
 * of the request path (Telegram's design): the URL is therefore never logged or put in an exception.
 */
final class TelegramChannel implements NoticeChannel {
    private final OkHttpClient http;
    private final HttpUrl sendMessage;
    private final String chat;

    /** {@code baseUrl} is https://api.telegram.org, or a fake receiver in tests. */
    TelegramChannel(OkHttpClient http, String baseUrl, String token, String chat) {
        this.http = http;
        HttpUrl base = HttpUrl.parse(baseUrl);
        if (base == null) {
            throw new IllegalArgumentException("the Telegram base URL is not a valid http(s) URL");
        }
        this.sendMessage = base.newBuilder().addPathSegment("bot" + token).addPathSegment("sendMessage").build();
        this.chat = chat;
    }

    @Override
    public String name() {
        return "telegram";
    }

    @Override
    public void send(Notice notice) throws IOException {
        byte[] body = Json.MAPPER.writeValueAsBytes(Map.of("chat_id", chat, "text", notice.text(),
                "disable_web_page_preview", true));
        Request request = new Request.Builder().url(sendMessage).post(RequestBody.create(body, WebhookChannel.JSON))
                .build();
        try (Response response = http.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new IOException("Telegram answered HTTP " + response.code());
            }
        }
    }
}
