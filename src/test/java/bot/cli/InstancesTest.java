package bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.domain.Interval;
import bot.domain.Mode;
import bot.store.Database;
import bot.store.NewStrategy;
import bot.store.StrategyRepository;
import bot.testing.Candles;
import bot.testing.FakeBinanceExchange;
import bot.testing.LiveAudit;
import bot.testing.LiveSetup;
import bot.testing.Rows;
import bot.testing.SignalPrices;
import bot.testing.TestDatabase;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several {@code bot start} processes (child JVMs, {@link PacedStart}) on one PostgreSQL (the test
 * JVM's, as BOT_DB_URL) and one market that moves in real time, a candle every {@value #TICK} ms:
 * who trades what is decided by leases (BOT_LEASE_TTL 2s here, so that it all takes
 * seconds). Real time is the point of these tests (processes killed, frozen, stopped), so they wait
 * on what the database and the logs show, with deadlines, never on fixed sleeps.
 */
class InstancesTest {
    /** Short, so that the tests take seconds; -Dinstances.ttl=10s measures the default. */
    private static final String TTL = System.getProperty("instances.ttl", "2s");
    private static final long TICK = 300;
    private static final int FROM = 40;
    /** Trades often: an entry whenever the close is below the 2-candle mean, an exit on any gain or a 0.1% loss. */
    private static final String PARAMS = "{\"order_value\": \"1\", \"window\": 2, \"threshold\": 0, \"min_profit\": 0,"
            + " \"fee_pct\": 0, \"stop_loss\": 0.001}";
    private static final Map<String, BigDecimal> DEPOSIT = Map.of("ETH", new BigDecimal("25"));

    private final List<BotInstance> instances = new ArrayList<>();
    private long marketStart;

    @Test
    void oneLiveStrategyIsTradedByOneInstanceAtATimeThroughKillFreezeAndStop(@TempDir Path root) throws Exception {
        String url = TestDatabase.freshUrl();
        String apiKey = LiveSetup.apiKey("main");
        try (FakeBinanceExchange exchange = new FakeBinanceExchange(Clock.systemUTC());
             Database db = Database.connect(url, "postgres", "", null)) {
            Jdbi jdbi = db.jdbi();
            LiveSetup.account(jdbi, exchange, "main");
            long id = LiveSetup.strategy(jdbi, "main", "xrp-live", "XRPETH", "live", PARAMS);
            exchange.deposit(apiKey, "ETH", DEPOSIT.get("ETH").toPlainString());
            exchange.priceOrdersBy(SignalPrices.closes(Candles.xrpEth("XRPETH")));
            marketStart = System.currentTimeMillis();

            BotInstance a = start("a", root, url, exchange.baseUrl());
            await(() -> holder(jdbi, id) == a.pid(), Duration.ofSeconds(60), "a takes the strategy", a);
            BotInstance b = start("b", root, url, exchange.baseUrl());
            await(() -> !b.events("standby").isEmpty(), Duration.ofSeconds(60), "b waits as a standby", b);
            await(() -> exchange.orders().size() >= 3, Duration.ofSeconds(30), "a trades", a);
            assertEquals(List.of(), b.events("order sent"), "the standby sends nothing");
            assertEquals(a.pid(), holder(jdbi, id));

            // kill -9 of the one trading: the standby takes over through reconciliation, and trades on
            Instant killed = Instant.now();
            a.kill();
            await(() -> holder(jdbi, id) == b.pid(), Duration.ofSeconds(20), "b takes over", b);
            Duration takeOver = Duration.between(killed, Instant.now());
            int executedAtKill = exchange.orders().size();
            await(() -> exchange.orders().size() > executedAtKill, Duration.ofSeconds(20), "b trades on", b);
            Duration tradesOn = Duration.between(killed, Instant.now());
            assertTrue(takeOver.compareTo(Duration.ofSeconds(15)) < 0, "took over after " + takeOver);

            // b frozen past its lease: c takes over; b resumed places no order
            BotInstance c = start("c", root, url, exchange.baseUrl());
            await(() -> !c.events("standby").isEmpty(), Duration.ofSeconds(60), "c waits as a standby", c);
            b.freeze();
            await(() -> holder(jdbi, id) == c.pid(), Duration.ofSeconds(20), "c takes over from the frozen b", c);
            int executedAtFreeze = exchange.orders().size();
            await(() -> exchange.orders().size() > executedAtFreeze, Duration.ofSeconds(20), "c trades", c);
            Instant resumed = Instant.now();
            b.resume();
            await(() -> !b.events("lease lost").isEmpty(), Duration.ofSeconds(10), "b learns it lost the lease", b);
            int executedAtResume = exchange.orders().size();
            await(() -> exchange.orders().size() >= executedAtResume + 2, Duration.ofSeconds(30), "c trades on", c);
            assertEquals(List.of(), b.events("order sent").stream().filter(e -> e.time().isAfter(resumed)).toList(),
                    "orders sent by b after it was resumed");
            assertEquals(c.pid(), holder(jdbi, id));

            // a clean stop hands over at once
            Instant stopping = Instant.now();
            Thread stop = Thread.ofVirtual().start(() -> {
                try {
                    assertEquals(0, c.stop(30), c.stderr());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            await(() -> holder(jdbi, id) == b.pid(), Duration.ofSeconds(10), "b takes over from the stopped c", b);
            Duration handOver = Duration.between(stopping, Instant.now());
            stop.join();
            int executedAtStop = exchange.orders().size();
            await(() -> exchange.orders().size() > executedAtStop, Duration.ofSeconds(20), "b trades again", b);
            assertEquals(0, b.stop(30), b.stderr());

            LiveAudit.Summary audit = LiveAudit.verify(jdbi, exchange, id, apiKey, "XRP", "ETH", DEPOSIT);
            System.out.printf("one live strategy, lease TTL %s: kill -9 -> taken over in %d ms, first order after"
                            + " %d ms; SIGTERM -> handed over in %d ms; %d orders executed, %d journal rows%n", TTL,
                    takeOver.toMillis(), tradesOn.toMillis(), handOver.toMillis(), audit.executed(), audit.journaled());
            assertTrue(handOver.compareTo(Duration.ofSeconds(2)) < 0, "handed over after " + handOver);
        } finally {
            instances.forEach(BotInstance::close);
        }
    }

    @Test
    void tenStrategiesSpreadOverThreeInstancesSurviveOneAndFollowChangesWithinASecond(@TempDir Path root)
            throws Exception {
        String url = TestDatabase.freshUrl();
        try (Database db = Database.connect(url, "postgres", "", null)) {
            Jdbi jdbi = db.jdbi();
            StrategyRepository strategies = new StrategyRepository(jdbi);
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= 10; i++) {
                names.add("paper-" + i);
                Rows.strategy(jdbi, "paper-" + i, "mean_reversion", "XRPETH", "paper", PARAMS);
            }
            jdbi.useHandle(h -> h.execute("update strategies set enabled = false"));
            marketStart = System.currentTimeMillis();

            List<BotInstance> three = new ArrayList<>();
            for (String name : List.of("a", "b", "c")) {
                three.add(start(name, root, url, "http://127.0.0.1:1"));
            }
            for (BotInstance instance : three) {
                await(() -> instance.stderr().contains("waiting as a standby"), Duration.ofSeconds(60),
                        instance.name() + " waits with nothing enabled", instance);
            }
            names.forEach(name -> strategies.setEnabled(name, true));
            await(() -> spread(jdbi, 10, 4, 3), Duration.ofSeconds(20), "10 strategies held, at most 4 each, by 3", null);
            await(() -> tradedSince(jdbi, 0) == 10, Duration.ofSeconds(30), "every strategy trades", null);

            BotInstance victim = three.get(0);
            for (BotInstance instance : three) {
                if (heldBy(jdbi).getOrDefault(instance.pid(), 0) > heldBy(jdbi).getOrDefault(victim.pid(), 0)) {
                    victim = instance;
                }
            }
            long lastOrder = lastOrderId(jdbi);
            Instant killed = Instant.now();
            victim.kill();
            await(() -> spread(jdbi, 10, 5, 2), Duration.ofSeconds(20), "the survivors hold all 10", null);
            Duration takeOver = Duration.between(killed, Instant.now());
            await(() -> tradedSince(jdbi, lastOrder) == 10, Duration.ofSeconds(30), "every strategy trades on", null);

            // changes reach the running instances without a restart
            long accountId = jdbi.withHandle(h -> h.createQuery("select id from accounts where name = 'test'")
                    .mapTo(Long.class).one());
            Instant adding = Instant.now();
            long addedId = strategies.insert(new NewStrategy("paper-11", accountId, "mean_reversion", "XRPETH", Interval.M1,
                    Mode.PAPER, Map.of("order_value", "1", "window", "2", "threshold", "0", "min_profit", "0", "fee_pct", "0",
                            "stop_loss", "0.001"), true));
            Instant added = Instant.now(); // committed: the notice leaves now (the insert itself may queue on a busy machine)
            await(() -> holder(jdbi, addedId) > 0, Duration.ofSeconds(5), "paper-11 taken", null);
            Duration pickUp = Duration.between(added, Instant.now());
            Duration addCommit = Duration.between(adding, added);

            long disabledId = strategies.find("paper-1").orElseThrow().id();
            long disabledHolder = holder(jdbi, disabledId);
            Instant disabling = Instant.now();
            strategies.setEnabled("paper-1", false);
            Instant disabled = Instant.now();
            Duration disableCommit = Duration.between(disabling, disabled);
            BotInstance stoppedBy = instances.stream().filter(i -> i.pid() == disabledHolder).findFirst().orElseThrow();
            await(() -> holder(jdbi, disabledId) < 0, Duration.ofSeconds(5), "paper-1 stopped and released", stoppedBy);
            Duration stopped = Duration.between(disabled, Instant.now());
            assertTrue(stoppedBy.events("strategy stopped").stream()
                    .anyMatch(e -> e.json().path("strategy").asText().equals("paper-1")), "the holder's log says so");

            for (BotInstance instance : three) {
                if (instance != victim) {
                    assertEquals(0, instance.stop(30), instance.stderr());
                }
            }
            assertEquals(Map.of(), alternation(jdbi), "strategies whose filled orders do not alternate BUY, SELL");
            System.out.printf("10 paper strategies over 3 instances, lease TTL %s: kill -9 -> all held again in %d ms;"
                    + " added strategy taken %d ms after its commit (the insert took %d ms); disabled strategy stopped"
                    + " and released %d ms after its commit (the update took %d ms)%n", TTL,
                    takeOver.toMillis(), pickUp.toMillis(), addCommit.toMillis(), stopped.toMillis(),
                    disableCommit.toMillis());
            assertTrue(takeOver.compareTo(Duration.ofSeconds(15)) < 0, "took over after " + takeOver);
            assertTrue(pickUp.compareTo(Duration.ofSeconds(1)) < 0, "picked up after " + pickUp);
            assertTrue(stopped.compareTo(Duration.ofSeconds(1)) < 0, "stopped after " + stopped);
        } finally {
            instances.forEach(BotInstance::close);
        }
    }

    @Test
    void withTheEmbeddedDatabaseASecondStartOnTheSameHomeWaitsAsAStandbyAndTakesOverWhenTheFirstDies(
            @TempDir Path home) throws Exception {
        marketStart = System.currentTimeMillis();
        Map<String, String> env = Map.of("BOT_BINANCE_REST_URL", "http://127.0.0.1:1", "BOT_LEASE_TTL", TTL);
        try {
            BotInstance a = BotInstance.start("a", home, home, env, marketStart, TICK, FROM, "--demo");
            instances.add(a);
            await(() -> !a.events("strategy running").isEmpty(), Duration.ofSeconds(120), "a runs the demo strategy", a);
            BotInstance b = BotInstance.start("b", home, home, env, marketStart, TICK, FROM);
            instances.add(b);
            await(() -> b.stderr().contains("waiting as a standby"), Duration.ofSeconds(60), "b waits as a standby", b);
            assertEquals(1, a.events("lease taken").size(), "one lease taken, by a (the log is the two's)");

            Instant killed = Instant.now();
            a.kill();
            await(() -> a.events("lease taken").size() == 2, Duration.ofSeconds(20), "b takes over", b);
            Duration takeOver = Duration.between(killed, Instant.now());
            await(() -> a.events("strategy running").size() == 2, Duration.ofSeconds(20), "b runs it", b);
            assertEquals(0, b.stop(30), b.stderr());
            System.out.printf("embedded database, two bot start on one BOT_HOME, lease TTL %s: kill -9 of the first"
                    + " (which had started the server) -> taken over on the same server in %d ms%n", TTL, takeOver.toMillis());
        } finally {
            instances.forEach(BotInstance::close);
            stopLeftoverServer(home.resolve("var/pgdata"));
        }
    }

    /** The embedded server outlives a killed bot; the last one out stops it, but a failed test may leave it. */
    private static void stopLeftoverServer(Path pgdata) throws IOException, InterruptedException {
        Path pidFile = pgdata.resolve("postmaster.pid");
        if (java.nio.file.Files.exists(pidFile)) {
            long pid = Long.parseLong(java.nio.file.Files.readAllLines(pidFile).get(0).trim());
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
            ProcessHandle.of(pid).ifPresent(p -> p.onExit().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join());
        }
    }

    private BotInstance start(String name, Path root, String url, String exchangeUrl) throws IOException {
        BotInstance instance = BotInstance.start(name, root, url, exchangeUrl, TTL, marketStart, TICK, FROM);
        instances.add(instance);
        return instance;
    }

    /** The pid of the instance holding the strategy's lease; -1 when none does. */
    private static long holder(Jdbi jdbi, long strategyId) {
        return jdbi.withHandle(h -> h.createQuery(
                "select pid from strategy_leases where strategy_id = :id and expires_at > now()")
                .bind("id", strategyId).mapTo(Long.class).findOne().orElse(-1L));
    }

    /** Held leases per holder pid. */
    private static Map<Long, Integer> heldBy(Jdbi jdbi) {
        Map<Long, Integer> held = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("select pid from strategy_leases where expires_at > now()")
                .mapTo(Long.class).forEach(pid -> held.merge(pid, 1, Integer::sum)));
        return held;
    }

    /** True when {@code total} leases are held by exactly {@code holders} instances, none holding more than {@code max}. */
    private static boolean spread(Jdbi jdbi, int total, int max, int holders) {
        Map<Long, Integer> held = heldBy(jdbi);
        return held.size() == holders && held.values().stream().mapToInt(Integer::intValue).sum() == total
                && held.values().stream().allMatch(n -> n <= max);
    }

    /** How many strategies have an order with an id above {@code afterId}. */
    private static int tradedSince(Jdbi jdbi, long afterId) {
        return jdbi.withHandle(h -> h.createQuery("select count(distinct strategy_id) from orders where id > :id")
                .bind("id", afterId).mapTo(Integer.class).one());
    }

    private static long lastOrderId(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("select coalesce(max(id), 0) from orders").mapTo(Long.class).one());
    }

    /** Per strategy, its filled orders' sides when they do not alternate BUY, SELL, BUY...: two positions at once. */
    private static Map<Long, String> alternation(Jdbi jdbi) {
        Map<Long, List<String>> sides = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("select strategy_id, side from orders where status = 'FILLED' order by id")
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .forEach(e -> sides.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue())));
        return sides.entrySet().stream().filter(e -> {
            List<String> s = e.getValue();
            for (int i = 0; i < s.size(); i++) {
                if (!s.get(i).equals(i % 2 == 0 ? "BUY" : "SELL")) {
                    return true;
                }
            }
            return false;
        }).collect(Collectors.toMap(Map.Entry::getKey, e -> String.join(",", e.getValue())));
    }

    private static String lastLines(BotInstance instance) {
        List<String> lines = instance.events().stream()
                .filter(e -> !e.message().startsWith("order") && !e.message().startsWith("signal")
                        && !e.message().startsWith("round trip"))
                .map(e -> e.json().toString()).toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static void await(BooleanSupplier condition, Duration timeout, String what, BotInstance watched)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not within " + timeout + ": " + what
                        + (watched == null ? "" : "; stderr of " + watched.name() + ": " + watched.stderr()
                        + "; its last log lines but orders:\n" + lastLines(watched)));
            }
            Thread.sleep(20);
        }
    }
}
