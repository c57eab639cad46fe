package bot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.domain.Candle;
import bot.notify.Notice;
import bot.store.Database;
import bot.strategy.StrategyRegistry;
import bot.testing.AdjustableClock;
import bot.testing.Candles;
import bot.testing.ReplayFeed;
import bot.testing.Rows;
import bot.testing.Rules;
import bot.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** The daily summary over a journal a paper daemon wrote: sent once after 00:00 UTC, with the day's PnL from bot.report. */
class DailySummaryTest {

    @Test
    void afterMidnightTheDaysNetPnlPerStrategyIsToldOnce() throws InterruptedException {
        List<Candle> candles = Candles.xrpEth("XRPETH");
        try (Database db = TestDatabase.fresh()) {
            Jdbi jdbi = db.jdbi();
            long id = Rows.strategy(jdbi, "xrp-mr", "mean_reversion", "XRPETH", "paper",
                    "{\"order_value\": \"1\", \"threshold\": \"0.003\"}");
            Instant fills = Instant.ofEpochMilli(candles.get(20).closeTime());
            ReplayFeed feed = new ReplayFeed(Map.of("XRPETH", candles), 20, 300, () -> { });
            try (Daemon daemon = Daemon.create(jdbi, StrategyRegistry.load(getClass().getClassLoader()),
                    new Exchange(network -> feed, network -> Rules.source(Rules.xrpEth()),
                            Exchange.noLiveTrading("no live")), Clock.fixed(fills, ZoneOffset.UTC))) {
                daemon.start();
                assertTrue(daemon.awaitFirstAttempts(Duration.ofSeconds(30)));
            } // drained: every order is in the journal
            BigDecimal net = jdbi.withHandle(h -> h.createQuery(
                    "select sum(net_pnl) from round_trips where strategy_id = :id").bind("id", id)
                    .mapTo(BigDecimal.class).one());
            long trades = jdbi.withHandle(h -> h.createQuery("select count(*) from round_trips where strategy_id = :id")
                    .bind("id", id).mapTo(Long.class).one());
            assertTrue(trades >= 1, "no round trip to sum");

            LocalDate day = LocalDate.ofInstant(fills, ZoneOffset.UTC);
            AdjustableClock clock = new AdjustableClock(fills);
            List<Notice> notices = new ArrayList<>();
            DailySummary summary = new DailySummary(new JournalReporter(jdbi)::report, notices::add, clock);
            summary.run();
            assertEquals(List.of(), notices, "the day it starts on is not summarized");
            clock.set(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(1));
            summary.run();
            summary.run();
            assertEquals(1, notices.size());
            Notice notice = notices.get(0);
            assertEquals(Notice.Kind.DAILY_SUMMARY, notice.kind());
            assertTrue(notice.text().startsWith("Daily summary for " + day + " (UTC):"), notice.text());
            assertTrue(notice.text().contains("xrp-mr (paper, XRPETH): net PnL " + net.toPlainString() + " over "
                    + trades + " trade"), notice.text());
        }
    }
}
