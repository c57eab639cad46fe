package bot.bench;

import bot.app.NotifyingJournal;
import bot.domain.ExecutionReport;
import bot.domain.Interval;
import bot.domain.Mode;
import bot.domain.OrderRequest;
import bot.domain.OrderType;
import bot.domain.Side;
import bot.domain.SymbolRules;
import bot.engine.Journal;
import bot.engine.Settlement;
import bot.engine.StrategyIdentity;
import bot.engine.SymbolRulesSource;
import bot.execution.PaperGateway;
import bot.notify.NotificationSender;
import bot.notify.Notifications;
import bot.store.Database;
import bot.store.JdbiJournal;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.HdrHistogram.Histogram;
import org.jdbi.v3.core.Jdbi;

/**
 * The order path (journal the order, paper fill, record the fill: what every order costs on a
 * runner's thread) measured three ways on the bench's durable PostgreSQL: without notifications,
 * with a webhook that answers, and with one that never answers (its queue fills, then drops). The
 * notifier must add nothing a runner would notice: its publish is an offer to a bounded queue.
 */
final class NotifyBench {
    private static final String SYMBOL = "BENCHUSDT";
    private static final SymbolRules RULES = new SymbolRules(SYMBOL, "TRADING", "BENCH", "USDT",
            new BigDecimal("0.00000001"), new BigDecimal("1000000"), new BigDecimal("0.00000001"),
            new BigDecimal("0.00001"), new BigDecimal("9000"), new BigDecimal("0.00001"), BigDecimal.ZERO,
            BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.TEN, true, BigDecimal.ZERO, false);

    private NotifyBench() {
    }

    static List<Figure> run(BenchDatabase pg, int orders) throws Exception {
        List<Figure> figures = new ArrayList<>();
        try (Database db = pg.fresh("bench_notify"); MockWebServer answering = new MockWebServer();
             MockWebServer dead = new MockWebServer()) {
            Jdbi jdbi = db.jdbi();
            answering.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    return new MockResponse().setResponseCode(200);
                }
            });
            CountDownLatch never = new CountDownLatch(1);
            dead.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                    never.await();
                    return new MockResponse().setResponseCode(200);
                }
            });
            long strategy = strategy(jdbi);
            StrategyIdentity identity = new StrategyIdentity(strategy, "bench-notify", Mode.PAPER, SYMBOL, Interval.M1);
            long[] candle = {1_700_000_000_000L};
            measure(jdbi, identity, new JdbiJournal(jdbi), orders / 10, candle); // warm-up
            Histogram none = measure(jdbi, identity, new JdbiJournal(jdbi), orders, candle);
            Histogram withAnswering;
            try (NotificationSender sender = Notifications.open(answering.url("/").toString(), "", "", "")) {
                withAnswering = measure(jdbi, identity, new NotifyingJournal(new JdbiJournal(jdbi), sender), orders,
                        candle);
            }
            Histogram withDead;
            long dropped;
            try (NotificationSender sender = Notifications.open(dead.url("/").toString(), "", "", "")) {
                withDead = measure(jdbi, identity, new NotifyingJournal(new JdbiJournal(jdbi), sender), orders, candle);
                dropped = sender.dropped();
                never.countDown();
            }
            figures.add(Figure.info("orders per configuration", String.valueOf(orders)));
            add(figures, "no notifications", none);
            add(figures, "webhook answering", withAnswering);
            add(figures, "webhook never answering", withDead);
            figures.add(Figure.info("notices dropped (never answering, queue of " + Notifications.CAPACITY + ")",
                    String.valueOf(dropped)));
            double p99Ratio = withDead.getValueAtPercentile(99) / (double) none.getValueAtPercentile(99);
            figures.add(Figure.atMost("order path p99, never answering / none", p99Ratio, 1.5, "x", "%.2f"));
        }
        return figures;
    }

    private static void add(List<Figure> figures, String what, Histogram h) {
        figures.add(Figure.info("order path, " + what + ": p50 / p99 / max",
                String.format("%.2f / %.2f / %.2f ms", h.getValueAtPercentile(50) / 1e3,
                        h.getValueAtPercentile(99) / 1e3, h.getMaxValue() / 1e3)));
    }

    /** Per order, in microseconds: open in the journal, fill on paper, record. */
    private static Histogram measure(Jdbi jdbi, StrategyIdentity identity, Journal journal, int orders, long[] candle) {
        SymbolRulesSource rules = symbol -> Optional.of(RULES);
        PaperGateway paper = new PaperGateway(rules, new BigDecimal("0.001"), BigDecimal.ZERO, Clock.systemUTC());
        Histogram histogram = new Histogram(60_000_000L, 3);
        for (int i = 0; i < orders; i++) {
            candle[0] += 60_000;
            long t0 = System.nanoTime();
            OrderRequest request = new OrderRequest("bn-" + journal.nextOrderNumber(), SYMBOL, Side.BUY,
                    OrderType.MARKET, new BigDecimal("0.01"), new BigDecimal("50000"), candle[0]);
            long id = journal.open(identity, request, 1).orElseThrow();
            ExecutionReport report = paper.submit(request);
            journal.record(Settlement.statusOnly(id, report));
            histogram.recordValue(Math.max(1, (System.nanoTime() - t0) / 1_000));
        }
        return histogram;
    }

    private static long strategy(Jdbi jdbi) {
        return jdbi.inTransaction(h -> {
            h.execute("insert into accounts (name, key_type) values ('bench', 'none')");
            return h.createQuery("""
                    insert into strategies (name, account_id, kind, symbol, interval, mode, params)
                    select 'bench-notify', id, 'mean_reversion', :symbol, '1m', 'paper', '{"order_value": "100"}'::jsonb
                    from accounts where name = 'bench' returning id""").bind("symbol", SYMBOL)
                    .mapTo(Long.class).one();
        });
    }
}
