package bot.bench;

import bot.app.RiskSetup;
import bot.app.RiskUpdates;
import bot.domain.Candle;
import bot.domain.Interval;
import bot.domain.Mode;
import bot.domain.SymbolRules;
import bot.engine.LookupBackoff;
import bot.engine.OrderFlow;
import bot.engine.RiskBook;
import bot.engine.StrategyIdentity;
import bot.engine.StrategyRunner;
import bot.execution.PaperGateway;
import bot.store.ChangeListener;
import bot.store.Changes;
import bot.store.Database;
import bot.store.JdbiJournal;
import bot.store.JdbiRiskJournal;
import bot.strategy.StrategyKind;
import bot.strategy.StrategyParameters;
import bot.strategy.kinds.MeanReversionKind;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The kill switch on a running strategy: a paper mean_reversion runner (real journal, real limits
 * with their listener on PostgreSQL's NOTIFY) buys; then {@code bot halt --all --flatten} is
 * committed as the command does it, and the time until the position is sold and recorded is taken;
 * then {@code bot resume --all}, and again. The target: within one second.
 */
final class RiskBench {
    private static final String SYMBOL = "BENCHUSDT";
    private static final SymbolRules RULES = new SymbolRules(SYMBOL, "TRADING", "BENCH", "USDT",
            new BigDecimal("0.00000001"), new BigDecimal("1000000"), new BigDecimal("0.00000001"),
            new BigDecimal("0.00001"), new BigDecimal("9000"), new BigDecimal("0.00001"), BigDecimal.ZERO,
            BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.TEN, true, BigDecimal.ZERO, false);

    private RiskBench() {
    }

    static List<Figure> run(BenchDatabase pg, int runs) throws Exception {
        try (Database db = pg.fresh("bench_risk")) {
            Jdbi jdbi = db.jdbi();
            StrategyRows.insert(jdbi, "mean_reversion", List.of(SYMBOL), "1m", "{\"order_value\": \"100\"}");
            long id = jdbi.withHandle(h -> h.createQuery("select id from strategies").mapTo(Long.class).one());
            Clock clock = Clock.systemUTC();
            StrategyIdentity identity = new StrategyIdentity(id, "bench-benchusdt", Mode.PAPER, SYMBOL, Interval.M1);
            StrategyKind kind = new MeanReversionKind();
            StrategyParameters parameters = kind.validate(Map.of("order_value", "100"));
            RiskBook book = new RiskBook(new JdbiRiskJournal(jdbi), clock);
            RiskUpdates updates = new RiskUpdates(jdbi, book);
            updates.run();
            OrderFlow flow = new OrderFlow(identity, new PaperGateway(s -> Optional.of(RULES), new BigDecimal("0.001"),
                    BigDecimal.ZERO, clock), new JdbiJournal(jdbi), s -> Optional.of(RULES), LookupBackoff.DEFAULT,
                    Thread::sleep, clock, book.seat(identity, "bench", new BigDecimal("100")));
            StrategyRunner runner = new StrategyRunner(identity, kind.create(parameters), parameters, flow);
            RiskSetup setup = new RiskSetup(jdbi, clock);
            long minute = clock.millis() / 60_000 * 60_000 - Duration.ofMinutes(20).toMillis(); // live candles from now on: fresh
            List<Candle> history = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                history.add(candle(minute + i * 60_000L, "100"));
            }
            long next = minute + 20 * 60_000L;
            double[] millis = new double[runs];
            try (ChangeListener changes = new ChangeListener(db.dataSource(), RiskUpdates.SAFETY_NET)) {
                changes.on(Changes.Topic.RISK, updates).start();
                runner.start();
                runner.onHistory(history);
                for (int run = 0; run < runs; run++) {
                    // a close well below the mean: the strategy buys
                    runner.onClosed(candle(next, "90"));
                    next += 60_000;
                    await(() -> held(jdbi, id), "the entry");
                    long start = System.nanoTime();
                    setup.halt(null, null, true, "bench", true);
                    await(() -> !held(jdbi, id), "the flatten");
                    millis[run] = (System.nanoTime() - start) / 1e6;
                    setup.resume(null, null, true);
                    Thread.sleep(300); // the resume reaches the daemon before the next entry's candle
                    // back up to the mean, so that the next drop is a signal again
                    for (int i = 0; i < 20; i++) {
                        runner.onClosed(candle(next, "100"));
                        next += 60_000;
                    }
                }
                runner.stop();
                runner.awaitStopped(Duration.ofSeconds(10));
            }
            Arrays.sort(millis);
            double median = millis[runs / 2];
            return List.of(Figure.atMost(String.format("kill switch: bot halt --all --flatten committed to the position sold"
                    + " and recorded, median of %d", runs), median, 1000, "ms", "%.0f"),
                    Figure.info("kill switch: fastest / slowest", String.format("%.0f / %.0f ms", millis[0],
                            millis[runs - 1])));
        }
    }

    private static boolean held(Jdbi jdbi, long id) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from positions where strategy_id = :id and qty > 0")
                .bind("id", id).mapTo(Long.class).one()) > 0;
    }

    private static Candle candle(long openTime, String close) {
        BigDecimal price = new BigDecimal(close);
        return new Candle(SYMBOL, Interval.M1, openTime, openTime + 59_999, price, price, price, price, BigDecimal.ONE,
                price, 1, true);
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            Thread.sleep(2);
        }
    }
}
