package bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.domain.Candle;
import bot.store.Database;
import bot.testing.Candles;
import bot.testing.FakeBinanceExchange;
import bot.testing.FakeOrder;
import bot.testing.LiveAudit;
import bot.testing.LiveSetup;
import bot.testing.SignalPrices;
import bot.testing.TestDatabase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a live {@code bot start} (a child JVM: the real CLI, daemon and live gateways,
 * a replaying feed) at random points, then a restart, over and over with a seed. The fake exchange
 * runs here and outlives every kill. Kill points: as an order request arrives (the exchange still
 * executes it), right after the exchange executed an order and before it answers (the worst moment),
 * as a lookup arrives during the next start's reconciliation, and after a random delay. A last run
 * ends with SIGTERM; then nothing may have executed twice, every executed order must be in the
 * journal, and the position must match the exchange's balances.
 */
class KillRestartTest {
    private static final long SEED = 20191012L;
    private static final int KILLS = 20;
    private static final int FIRST = 20;
    /** Candles one run replays at most (a few orders' worth), so that every run has orders to be killed in. */
    private static final int SPAN = 250;
    private static final String PARAMS = "{\"order_value\": \"1\", \"threshold\": 0.002}";
    private static final Map<String, BigDecimal> DEPOSIT = Map.of("ETH", new BigDecimal("25"));

    enum Moment { ORDER_ARRIVES, ORDER_EXECUTED, LOOKUP_ARRIVES, AFTER_DELAY }

    private final List<Candle> candles = Candles.xrpEth("XRPETH");
    private final String apiKey = LiveSetup.apiKey("main");
    private volatile Process child;
    private volatile boolean killedByUs;

    @Test
    void killMinus9AtRandomPointsThenRestartNeverExecutesTwiceNorLosesAnOrder(@TempDir Path home) throws Exception {
        String url = TestDatabase.freshUrl();
        try (FakeBinanceExchange exchange = new FakeBinanceExchange(Clock.systemUTC());
             Database db = Database.connect(url, "postgres", "", null)) {
            LiveSetup.account(db.jdbi(), exchange, "main");
            long strategyId = LiveSetup.strategy(db.jdbi(), "main", "xrp-live", "XRPETH", "live", PARAMS);
            exchange.deposit(apiKey, "ETH", DEPOSIT.get("ETH").toPlainString());
            exchange.priceOrdersBy(SignalPrices.closes(candles));

            Random random = new Random(SEED);
            Map<Moment, Integer> kills = new EnumMap<>(Moment.class);
            Set<String> inDoubtAtKill = new TreeSet<>();
            int from = FIRST;
            for (int i = 0; i < KILLS; i++) {
                Moment moment = Moment.values()[i % Moment.values().length];
                int nth = moment == Moment.LOOKUP_ARRIVES ? 1 : 1 + random.nextInt(3);
                AtomicInteger seen = new AtomicInteger();
                exchange.onArrival(route -> {
                    if ((moment == Moment.ORDER_ARRIVES && route.equals("POST /api/v3/order")
                            || moment == Moment.LOOKUP_ARRIVES && route.equals("GET /api/v3/order"))
                            && seen.incrementAndGet() == nth) {
                        kill();
                    }
                });
                exchange.onOrderExecuted(order -> {
                    if (moment == Moment.ORDER_EXECUTED && seen.incrementAndGet() == nth) {
                        kill();
                    }
                });
                int to = Math.min(from + SPAN, candles.size());
                start(home, url, exchange, from, to);
                boolean ready = awaitReady(home);
                if (moment == Moment.AFTER_DELAY && ready) {
                    Thread.sleep(random.nextInt(150));
                } else if (ready) {
                    child.waitFor(1500, TimeUnit.MILLISECONDS); // the hook kills it, or it runs out of orders
                }
                boolean finished = ready && child.isAlive() && moment != Moment.AFTER_DELAY;
                kill();
                kills.merge(moment, 1, Integer::sum);
                inDoubtAtKill.addAll(executedButUnsettled(db, exchange, strategyId));
                // time moves on: a run left idle handled its whole span; a killed one at least up to its last order
                from = finished ? to : Math.max(from, resumeAt(db, strategyId));
            }
            exchange.onArrival(route -> { });
            exchange.onOrderExecuted(order -> { });

            start(home, url, exchange, from, candles.size());
            assertTrue(awaitReady(home), () -> "the last run did not start: " + stderr(home));
            child.toHandle().destroy(); // SIGTERM: drains what the feed handed over
            assertTrue(child.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, child.exitValue(), () -> stderr(home));

            LiveAudit.Summary audit = LiveAudit.verify(db.jdbi(), exchange, strategyId, apiKey, "XRP", "ETH", DEPOSIT);
            List<String> statuses = db.jdbi().withHandle(h -> h.createQuery(
                    "select status from orders where strategy_id = :id order by id").bind("id", strategyId)
                    .mapTo(String.class).list());
            System.out.printf("kills %s; executed but not settled in the journal at a kill: %d; %d executed, %d journal rows"
                    + " %s%n", kills, inDoubtAtKill.size(), audit.executed(), audit.journaled(), statuses);
            assertTrue(inDoubtAtKill.size() >= 5, "orders the exchange executed as the bot died: " + inDoubtAtKill);
        } finally {
            if (child != null) {
                child.destroyForcibly();
            }
        }
    }

    /** The candle after the last one with a journaled order (the first candle when there is none). */
    private int resumeAt(Database db, long strategyId) {
        Long last = db.jdbi().withHandle(h -> h.createQuery("select max(candle_open_time) from orders where strategy_id = :id")
                .bind("id", strategyId).mapTo(Long.class).one());
        for (int i = 0; last != null && i < candles.size(); i++) {
            if (candles.get(i).openTime() == last) {
                return i + 1;
            }
        }
        return FIRST;
    }

    /** Orders the exchange executed that the journal has not settled: the bot died before it learned the outcome. */
    private static List<String> executedButUnsettled(Database db, FakeBinanceExchange exchange, long strategyId) {
        List<String> unsettled = db.jdbi().withHandle(h -> h.createQuery(
                "select client_order_id from orders where strategy_id = :id and status in ('PENDING', 'UNKNOWN')")
                .bind("id", strategyId).mapTo(String.class).list());
        return exchange.orders().stream().map(FakeOrder::clientOrderId).filter(unsettled::contains).toList();
    }

    private void start(Path home, String url, FakeBinanceExchange exchange, int from, int to) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Dreplay.from=" + from, "-Dreplay.to=" + to,
                "-cp", System.getProperty("java.class.path"), LiveFeedStart.class.getName(), "start");
        builder.environment().put("BOT_HOME", home.toString());
        builder.environment().put("BOT_HTTP_ADDRESS", "127.0.0.1:0"); // not the default port: runs share the machine
        builder.environment().put("BOT_DB_URL", url);
        builder.environment().put("BOT_DB_USER", "postgres");
        builder.environment().put("BOT_MASTER_KEY", LiveSetup.MASTER_KEY);
        builder.environment().put("BOT_BINANCE_REST_URL", exchange.baseUrl());
        // a killed run's lease runs out before the next run takes the strategy: short, so that restarts stay quick
        builder.environment().put("BOT_LEASE_TTL", "2s");
        builder.redirectError(ProcessBuilder.Redirect.appendTo(home.resolve("stderr.txt").toFile()));
        killedByUs = false;
        child = builder.start();
    }

    /** True once the child says its feed started; false when it died first (killed during reconciliation). */
    private boolean awaitReady(Path home) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.equals(FakeFeedStart.READY)) {
                return true;
            }
        }
        assertTrue(killedByUs, () -> "bot start ended by itself: " + stderr(home));
        return false;
    }

    /** kill -9, and wait until the process is gone. */
    private void kill() {
        killedByUs = true;
        child.destroyForcibly();
        try {
            child.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String stderr(Path home) {
        try {
            return Files.readString(home.resolve("stderr.txt"));
        } catch (IOException e) {
            return "(no stderr: " + e.getMessage() + ")";
        }
    }
}
