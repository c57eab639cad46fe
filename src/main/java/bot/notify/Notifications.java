package bot.notify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;

/** Makes the daemon's notifier from its settings: a webhook, Telegram, both or none. */
public final class Notifications {
    /** Notices waiting to be sent at most; more are dropped. */
    public static final int CAPACITY = 256;

    private Notifications() {
    }

    /**
     * The sender for the receivers configured (an empty {@code webhookUrl} or {@code telegramToken}
     * leaves that one out); it sends nothing when neither is.
     */
    public static NotificationSender open(String webhookUrl, String telegramBaseUrl, String telegramToken,
                                          String telegramChat) {
        return open(webhookUrl, telegramBaseUrl, telegramToken, telegramChat, CAPACITY, NotificationSender.BACKOFF,
                Thread::sleep);
    }

    public static NotificationSender open(String webhookUrl, String telegramBaseUrl, String telegramToken,
                                          String telegramChat, int capacity, List<Duration> backoff,
                                          NotificationSender.Pause pause) {
        OkHttpClient http = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(5))
                .callTimeout(Duration.ofSeconds(10)).build();
        List<NoticeChannel> channels = new ArrayList<>();
        if (!webhookUrl.isEmpty()) {
            channels.add(new WebhookChannel(http, webhookUrl));
        }
        if (!telegramToken.isEmpty()) {
            channels.add(new TelegramChannel(http, telegramBaseUrl, telegramToken, telegramChat));
        }
        // both may carry a token: scrubbed from any error message that might quote them
        return new NotificationSender(channels, capacity, backoff, pause, List.of(telegramToken, webhookUrl));
    }
}
