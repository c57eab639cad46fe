package bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.app.Daemon;
import bot.app.Exchange;
import bot.app.Monitoring;
import bot.domain.Candle;
import bot.engine.RunnerView;
import bot.json.Json;
import bot.notify.Notice;
import bot.notify.NotificationSender;
import bot.notify.Notifications;
import bot.store.Database;
import bot.strategy.StrategyRegistry;
import bot.testing.Candles;
import bot.testing.CliRun;
import bot.testing.ReplayFeed;
import bot.testing.Rows;
import bot.testing.Rules;
import bot.testing.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bot status} from "another shell" (an in-process command on the same database) while a
 * daemon runs on a replay of recorded XRPETH candles, with the daemon's notifications going to a
 * local fake webhook; and with no daemon at all.
 */
class StatusCommandTest {
    private static final int FROM = 20;
    private static final int TO = 300;
    private static final String PARAMS = "{\"order_value\": \"1\", \"threshold\": \"0.003\"}";

    @TempDir
    Path home;

    @Test
    void noDaemonEverSaysSoPlainly() throws Exception {
        String url = TestDatabase.freshUrl();
        try (Database db = Database.connect(url, "postgres", "", null)) {
            Rows.strategy(db.jdbi(), "xrp-mr", "mean_reversion", "XRPETH", "paper", PARAMS);
        }
        CliRun table = status(url, "status");
        assertEquals(0, table.exitCode(), table.err());
        assertTrue(table.out().startsWith("no daemon is running: none has published a status yet"), table.out());
        assertTrue(table.out().contains("xrp-mr  not running (never published)"), table.out());
        JsonNode json = Json.MAPPER.readTree(status(url, "status", "--format", "json").out());
        assertFalse(json.get("daemonRunning").asBoolean());
        assertTrue(json.get("strategies").get(0).get("state").isNull());
    }

    @Test
    void aStaleHeartbeatIsNoDaemon() throws Exception {
        String url = TestDatabase.freshUrl();
        try (Database db = Database.connect(url, "postgres", "", null)) {
            long id = Rows.strategy(db.jdbi(), "xrp-mr", "mean_reversion", "XRPETH", "paper", PARAMS);
            db.jdbi().useHandle(h -> h.execute("""
                    insert into strategy_status (strategy_id, instance_id, host, pid, instance_started_at, taken_at,
                        heartbeat_at, state)
                    values (?, 'gone', 'old-host', 4242, now() - interval '1 hour', now() - interval '1 hour',
                        now() - interval '3 minutes', 'running')""", id));
        }
        CliRun run = status(url, "status");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("no daemon is running: no heartbeat in the last 15 s (the last one 3 min ago)"),
                run.out());
        assertTrue(run.out().contains("not running (last: running)"), run.out());
        assertTrue(run.out().contains("old-host pid 4242"), run.out());
    }

    @Test
    void showsWhatARunningDaemonDoesAndItsWebhookHearsOfFills() throws Exception {
        String url = TestDatabase.freshUrl();
        List<Candle> candles = Candles.xrpEth("XRPETH");
        List<JsonNode> notices = new CopyOnWriteArrayList<>();
        try (Database db = Database.connect(url, "postgres", "", null); MockWebServer webhook = new MockWebServer()) {
            Jdbi jdbi = db.jdbi();
            long id = Rows.strategy(jdbi, "xrp-mr", "mean_reversion", "XRPETH", "paper", PARAMS);
            webhook.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    try {
                        notices.add(Json.MAPPER.readTree(request.getBody().readUtf8()));
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                    return new MockResponse().setResponseCode(200);
                }
            });
            Clock clock = Clock.fixed(Instant.ofEpochMilli(candles.get(FROM).closeTime()), ZoneOffset.UTC);
            Candle last = candles.get(TO - 1);
            try (Monitoring monitoring = Monitoring.open(jdbi, Notifications.open(webhook.url("/").toString(), "", "", ""),
                    Duration.ofMillis(100))) {
                try (Daemon daemon = daemon(jdbi, candles, clock, monitoring)) {
                    assertEquals(1, daemon.start());
                    assertTrue(daemon.awaitFirstAttempts(Duration.ofSeconds(30)));
                    monitoring.watch(daemon, clock);
                    JsonNode strategy = awaitStatus(url, s -> s.get("lastCandle").isObject()
                            && s.get("lastCandle").get("openTime").asLong() == last.openTime());
                    assertEquals("running", strategy.get("state").asText(), strategy.toString());
                    assertTrue(strategy.get("running").asBoolean());
                    assertEquals(ProcessHandle.current().pid(), strategy.get("instance").get("pid").asLong());
                    assertEquals(monitoring.instance().host(), strategy.get("instance").get("host").asText());
                    assertEquals(last.close().toPlainString(), strategy.get("lastCandle").get("close").asText());
                    assertEquals(Math.max(0, clock.millis() - last.closeTime()),
                            strategy.get("lastCandle").get("lagMs").asLong());
                    assertTrue(strategy.get("heartbeatAgeSeconds").asDouble() < StatusCommand.STALE_SECONDS);

                    Map<String, Object> journal = jdbi.withHandle(h -> h.createQuery("""
                            select o.client_order_id, o.side, o.status, p.qty::text as qty, p.entry_price::text as entry
                            from orders o join positions p on p.strategy_id = o.strategy_id
                            where o.strategy_id = :id order by o.id desc limit 1""").bind("id", id).mapToMap().one());
                    assertEquals(journal.get("client_order_id"), strategy.get("lastOrder").get("clientOrderId").asText());
                    assertEquals(journal.get("side"), strategy.get("lastOrder").get("side").asText());
                    assertEquals(0, new BigDecimal((String) journal.get("qty"))
                            .compareTo(new BigDecimal(strategy.get("position").get("qty").asText())));
                    RunnerView view = daemon.runners().get(0).view();
                    if (view.position().isFlat()) {
                        assertTrue(strategy.get("position").get("unrealizedPnl").isNull());
                    } else {
                        assertEquals(0, last.close().subtract(view.position().entryPrice())
                                .multiply(view.position().quantity())
                                .compareTo(new BigDecimal(strategy.get("position").get("unrealizedPnl").asText())));
                    }

                    CliRun table = status(url, "status");
                    assertTrue(table.out().startsWith("daemon running: " + monitoring.instance().host() + " pid "
                            + ProcessHandle.current().pid()), table.out());
                    assertTrue(table.out().lines().anyMatch(l -> l.startsWith("xrp-mr  running  XRPETH 1m  paper")),
                            table.out());

                    List<String> filled = jdbi.withHandle(h -> h.createQuery("select client_order_id from orders"
                            + " where strategy_id = :id and status = 'FILLED' order by id").bind("id", id)
                            .mapTo(String.class).list());
                    assertTrue(filled.size() >= 2, "too few fills to be a test: " + filled);
                    awaitNotices(notices, n -> n.get("kind").asText().equals("FILL"), filled.size());
                    List<String> told = new ArrayList<>();
                    notices.stream().filter(n -> n.get("kind").asText().equals("FILL"))
                            .forEach(n -> told.add(n.get("fields").get("clientOrderId").asText()));
                    assertEquals(filled, told);
                    JsonNode fill = notices.stream().filter(n -> n.get("kind").asText().equals("FILL")).findFirst()
                            .orElseThrow();
                    assertEquals("xrp-mr", fill.get("strategy").asText());
                    assertTrue(fill.get("text").asText().startsWith("xrp-mr: BUY "), fill.toString());
                }
            }
            assertTrue(notices.stream().anyMatch(n -> n.get("kind").asText().equals("DAEMON_STARTED")));
            assertTrue(notices.stream().anyMatch(n -> n.get("kind").asText().equals("DAEMON_STOPPED")),
                    "the stop notice is flushed before the monitoring closes");

            CliRun after = status(url, "status");
            assertTrue(after.out().startsWith("no daemon is running: the last one stopped at"), after.out());
            assertTrue(after.out().contains("not running (last: stopped)"), after.out());
        }
    }

    @Test
    void aReceiverThatNeverAnswersDelaysNoOrder() throws Exception {
        String url = TestDatabase.freshUrl();
        List<Candle> candles = Candles.xrpEth("XRPETH");
        CountDownLatch answer = new CountDownLatch(1);
        CountDownLatch hanging = new CountDownLatch(1);
        try (Database db = Database.connect(url, "postgres", "", null); MockWebServer dead = new MockWebServer()) {
            Jdbi jdbi = db.jdbi();
            long id = Rows.strategy(jdbi, "xrp-mr", "mean_reversion", "XRPETH", "paper", PARAMS);
            dead.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                    hanging.countDown();
                    answer.await(); // the receiver hangs on the first notice until the test ends
                    return new MockResponse().setResponseCode(200);
                }
            });
            Clock clock = Clock.fixed(Instant.ofEpochMilli(candles.get(FROM).closeTime()), ZoneOffset.UTC);
            NotificationSender sender = Notifications.open(dead.url("/").toString(), "", "", "");
            try (Monitoring monitoring = Monitoring.open(jdbi, sender, Duration.ofMillis(100))) {
                // the receiver takes a first notice and hangs on it before any candle arrives
                sender.publish(new Notice(Notice.Kind.DAEMON_STARTED, null, "started", null, Instant.now()));
                assertTrue(hanging.await(20, TimeUnit.SECONDS));
                try (Daemon daemon = daemon(jdbi, candles, clock, monitoring)) {
                    long t0 = System.nanoTime();
                    assertEquals(1, daemon.start());
                    assertTrue(daemon.awaitFirstAttempts(Duration.ofSeconds(30)));
                    daemon.runners().get(0).stop();
                    assertTrue(daemon.runners().get(0).awaitStopped(Duration.ofSeconds(60)),
                            "the runner did not handle its candles while the receiver hung");
                    System.out.printf("280 candles replayed with the receiver hanging in %d ms%n",
                            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
                    // every candle handled and every order settled while the receiver has not answered once
                    assertEquals(0, sender.delivered());
                }
                List<String> statuses = jdbi.withHandle(h -> h.createQuery(
                        "select status from orders where strategy_id = :id").bind("id", id).mapTo(String.class).list());
                assertTrue(statuses.size() >= 2, statuses.toString());
                assertTrue(statuses.stream().allMatch("FILLED"::equals), statuses.toString());
                answer.countDown();
            }
        }
    }

    private static Daemon daemon(Jdbi jdbi, List<Candle> candles, Clock clock, Monitoring monitoring) {
        ReplayFeed feed = new ReplayFeed(Map.of("XRPETH", candles), FROM, TO, () -> { });
        return Daemon.create(jdbi, StrategyRegistry.load(StatusCommandTest.class.getClassLoader()),
                new Exchange(network -> feed, network -> Rules.source(Rules.xrpEth()),
                        Exchange.noLiveTrading("live trading is not available yet")), clock, monitoring.notifier());
    }

    private CliRun status(String url, String... args) {
        return CliRun.run(home, Map.of("BOT_DB_URL", url, "BOT_DB_USER", "postgres"), null, args);
    }

    /** Runs bot status --format json until its only strategy matches; fails after 20 s. */
    private JsonNode awaitStatus(String url, java.util.function.Predicate<JsonNode> done) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        JsonNode strategy = null;
        while (System.nanoTime() < deadline) {
            CliRun run = status(url, "status", "--format", "json");
            assertEquals(0, run.exitCode(), run.err());
            JsonNode json = Json.MAPPER.readTree(run.out());
            strategy = json.get("strategies").get(0);
            if (json.get("daemonRunning").asBoolean() && done.test(strategy)) {
                return strategy;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("status never showed it: " + strategy);
    }

    private static void awaitNotices(List<JsonNode> notices, java.util.function.Predicate<JsonNode> kind, int count)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (notices.stream().filter(kind).count() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(count, notices.stream().filter(kind).count(), notices.toString());
    }
}
