package bot.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.json.Json;
import bot.testing.LogCapture;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/** The notification queue against local fake receivers (MockWebServer), with waits that do not sleep. */
class NotificationSenderTest {
    private static final String TOKEN = "123456:AAbbCCddEEff-secret_token";
    private static final Notice FILL = new Notice(Notice.Kind.FILL, "btc-mr", "btc-mr: BUY 0.00163 BTCUSDT at 61234.56",
            Map.of("qty", "0.00163"), Instant.parse("2026-11-29T12:00:00Z"));

    @Test
    void aWebhookGetsTheNoticeAsJson() throws Exception {
        try (MockWebServer webhook = new MockWebServer()) {
            webhook.enqueue(new MockResponse().setResponseCode(204));
            try (NotificationSender sender = Notifications.open(webhook.url("/hook").toString(), "", "", "")) {
                sender.publish(FILL);
                RecordedRequest request = webhook.takeRequest(10, TimeUnit.SECONDS);
                assertNotNull(request, "the webhook got nothing");
                assertEquals("POST", request.getMethod());
                assertEquals("/hook", request.getPath());
                assertTrue(request.getHeader("Content-Type").startsWith("application/json"));
                JsonNode body = Json.MAPPER.readTree(request.getBody().readUtf8());
                assertEquals("FILL", body.get("kind").asText());
                assertEquals("btc-mr", body.get("strategy").asText());
                assertEquals("0.00163", body.get("fields").get("qty").asText());
                assertEquals("2026-11-29T12:00:00Z", body.get("time").asText());
            }
        }
    }

    @Test
    void telegramGetsTheTextAtItsOverridableBaseUrl() throws Exception {
        try (MockWebServer telegram = new MockWebServer()) {
            telegram.enqueue(new MockResponse().setBody("{\"ok\":true}"));
            try (NotificationSender sender = Notifications.open("", telegram.url("/").toString(), TOKEN, "-1001234")) {
                sender.publish(FILL);
                RecordedRequest request = telegram.takeRequest(10, TimeUnit.SECONDS);
                assertNotNull(request, "the fake Telegram got nothing");
                assertEquals("/bot" + TOKEN + "/sendMessage", request.getPath());
                JsonNode body = Json.MAPPER.readTree(request.getBody().readUtf8());
                assertEquals("-1001234", body.get("chat_id").asText());
                assertEquals(FILL.text(), body.get("text").asText());
            }
        }
    }

    @Test
    void aFailedDeliveryIsRetriedWithBackoffAndTheTokenNeverReachesTheLog() throws Exception {
        List<Duration> waits = new CopyOnWriteArrayList<>();
        try (MockWebServer telegram = new MockWebServer();
             LogCapture log = LogCapture.of(NotificationSender.class.getName())) {
            telegram.enqueue(new MockResponse().setResponseCode(502));
            telegram.enqueue(new MockResponse().setResponseCode(401).setBody("{\"description\":\"" + TOKEN + "\"}"));
            telegram.enqueue(new MockResponse().setBody("{\"ok\":true}"));
            List<Duration> backoff = List.of(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(20));
            try (NotificationSender sender = Notifications.open("", telegram.url("/").toString(), TOKEN, "42", 8,
                    backoff, waits::add)) {
                sender.publish(FILL);
                for (int i = 0; i < 3; i++) {
                    assertNotNull(telegram.takeRequest(10, TimeUnit.SECONDS), "attempt " + (i + 1) + " never came");
                }
                awaitDelivered(sender, 1);
            }
            assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(5)), waits);
            // a receiver that is down for good: given up after the backoff, with one line that holds no secret
            telegram.shutdown();
            try (NotificationSender sender = Notifications.open("", telegram.url("/").toString(), TOKEN, "42", 8,
                    backoff, w -> { })) {
                sender.publish(FILL);
                awaitDelivered(sender, 1);
            }
            // a webhook whose URL carries its own token, down for good: the same
            String hook = telegram.url("/hooks/T0K3N-in-the-path").toString();
            try (NotificationSender sender = Notifications.open(hook, "", "", "", 8, backoff, w -> { })) {
                sender.publish(FILL);
                awaitDelivered(sender, 1);
            }
            assertEquals(2, log.lines().stream().filter(l -> l.contains("notification dropped")).count(),
                    log.lines().toString());
            assertFalse(log.lines().stream().anyMatch(l -> l.contains("T0K3N")), log.lines().toString());
            assertFalse(log.lines().stream().anyMatch(l -> l.contains(TOKEN) || l.contains("AAbbCC")),
                    log.lines().toString());
        }
    }

    @Test
    void aFullQueueDropsWithOneLogLineAndPublishNeverWaits() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch taken = new CountDownLatch(1);
        List<Notice> sent = new CopyOnWriteArrayList<>();
        NoticeChannel stuck = new NoticeChannel() {
            @Override
            public String name() {
                return "stuck";
            }

            @Override
            public void send(Notice notice) throws IOException {
                taken.countDown();
                try {
                    release.await(); // a receiver that does not answer
                } catch (InterruptedException e) {
                    throw new IOException("interrupted");
                }
                sent.add(notice);
            }
        };
        try (LogCapture log = LogCapture.of(NotificationSender.class.getName())) {
            NotificationSender sender = new NotificationSender(List.of(stuck), 4, List.of(), w -> { }, List.of());
            sender.publish(FILL);
            assertTrue(taken.await(10, TimeUnit.SECONDS));
            long t0 = System.nanoTime();
            for (int i = 0; i < 1000; i++) {
                sender.publish(FILL);
            }
            long publishNanos = System.nanoTime() - t0;
            assertEquals(1000 - 4, sender.dropped());
            List<String> full = log.warnings().stream().filter(l -> l.contains("queue full")).toList();
            assertEquals(1, full.size(), log.lines().toString());
            release.countDown();
            sender.close(Duration.ofSeconds(10));
            assertEquals(5, sent.size()); // the one being sent and the four queued
            System.out.printf("1000 publishes into a full queue took %.1f us in all%n", publishNanos / 1e3);
        }
    }

    @Test
    void aFieldNotKnownIsKeptAsNull() {
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("state", "refused");
        fields.put("reason", null);
        Notice notice = new Notice(Notice.Kind.REFUSED, "s", "s: refused", fields, Instant.EPOCH);
        assertTrue(notice.fields().containsKey("reason"));
        assertEquals(List.of("state", "reason"), List.copyOf(notice.fields().keySet()));
    }

    private static void awaitDelivered(NotificationSender sender, long count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (sender.delivered() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(count, sender.delivered());
    }
}
