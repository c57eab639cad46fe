package bot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.domain.Mode;
import bot.report.Kpis;
import bot.report.Report;
import bot.store.Database;
import bot.store.JournalFilter;
import bot.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each KPI of {@link ReportJournal} against the values worked out by hand in the comments. */
class JournalReporterTest {
    private static Database db;
    private static JournalReporter reporter;

    @BeforeAll
    static void journal() {
        db = TestDatabase.fresh();
        ReportJournal.write(db.jdbi());
        reporter = new JournalReporter(db.jdbi());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void countsWinsLossesAndBreakevenByNetPnl() {
        Kpis alpha = row(reporter.report(JournalFilter.ALL), "alpha");
        assertEquals(Mode.PAPER, alpha.mode());
        assertEquals("BTCUSDT", alpha.symbol());
        assertEquals(5, alpha.trades());
        assertEquals(2, alpha.wins());       // +10, +6
        assertEquals(2, alpha.losses());     // -4, -8
        assertEquals(1, alpha.breakeven());  // 0
        assertDecimal("40.00", alpha.winRate()); // 2 / 5
    }

    @Test
    void profitLossAndTheRatiosBuiltOnThem() {
        Kpis alpha = row(reporter.report(JournalFilter.ALL), "alpha");
        assertDecimal("16", alpha.grossProfit());      // 10 + 6
        assertDecimal("-12", alpha.grossLoss());       // -4 - 8
        assertDecimal("4", alpha.netProfit());         // 16 - 12 + 0
        assertDecimal("1.3333", alpha.profitFactor()); // 16 / 12
        assertDecimal("0.8", alpha.expectancy());      // 4 / 5
        assertDecimal("0.1333", alpha.expectancyRatio()); // 0.8 / (12 / 2)
        assertDecimal("10", alpha.best());
        assertDecimal("-8", alpha.worst());
        // 2h + 1h + 4h + 1h + 30m = 8h30m over 5
        assertEquals(Duration.ofMinutes(102), alpha.avgDuration());
    }

    @Test
    void feesInQuoteBaseAndThirdAssets() {
        Kpis alpha = row(reporter.report(JournalFilter.ALL), "alpha");
        // USDT: T1 exit, T2 x2, T3 x2, T4 entry, T5 x2, open entry = 9 x 0.1; BTC: 0.00001 x 40000 = 0.4
        assertDecimal("1.3", alpha.fees());
        assertEquals(Map.of("BNB", new BigDecimal("0.0005")), alpha.otherFees());
        assertDecimal("0.2", row(reporter.report(JournalFilter.ALL), "beta").fees());
    }

    @Test
    void drawdownFromThePeakToTheTroughOfClosedTrades() {
        Kpis alpha = row(reporter.report(JournalFilter.ALL), "alpha");
        // equity 10, 6, -2, 4, 4: from 10 (T1 closed) to -2 (T3 closed)
        assertDecimal("12", alpha.maxDrawdown());
        assertDecimal("10.00", alpha.maxDrawdownPct()); // 12 / (capital 110 + peak 10)
        assertEquals(Instant.parse("2024-01-01T12:00:00Z"), alpha.maxDrawdownStart());
        assertEquals(Instant.parse("2024-01-02T15:00:00Z"), alpha.maxDrawdownEnd());
    }

    @Test
    void sharpeAndSortinoFromDailyReturns() {
        Kpis alpha = row(reporter.report(JournalFilter.ALL), "alpha");
        // daily PnL 10, -12, 6, 0 over capital 110: mean 1/110, sample sd sqrt(92)/110,
        // downside deviation sqrt(144 / 4)/110 = 6/110
        assertDecimal("1.9918", alpha.sharpe());   // sqrt(365 / 92)
        assertDecimal("3.1842", alpha.sortino());  // sqrt(365) / 6
    }

    @Test
    void openPositionValuedAtTheLastStoredClose() {
        Kpis alpha = row(reporter.report(JournalFilter.ALL), "alpha");
        assertNotNull(alpha.openPosition());
        assertDecimal("41000", alpha.openPosition().lastPrice());
        assertDecimal("2.4", alpha.unrealizedPnl()); // 0.0025 x 41000 - 100 - 0.1
        assertDecimal("2.4", alpha.openPosition().unrealizedPnl());
        assertEquals(Instant.parse("2024-01-01T10:00:00Z"), alpha.firstTrade());
        assertEquals(Instant.parse("2024-01-05T00:00:00Z"), alpha.lastTrade()); // the open entry
        assertNull(row(reporter.report(JournalFilter.ALL), "beta").openPosition());
    }

    @Test
    void withoutLossesOrOnOneDayTheRatiosAreNotAvailable() {
        Kpis beta = row(reporter.report(JournalFilter.ALL), "beta");
        assertEquals(Mode.LIVE, beta.mode());
        assertEquals(2, beta.trades());
        assertDecimal("100.00", beta.winRate());
        assertNull(beta.profitFactor());     // no loss: not infinity
        assertNull(beta.expectancyRatio());
        assertNull(beta.sharpe());           // both trades closed on 01-02
        assertNull(beta.sortino());
        assertDecimal("0", beta.maxDrawdown()); // never fell
        assertNull(beta.maxDrawdownStart());
    }

    @Test
    void totalMergesTheRowsAndTheirEquityCurves() {
        Kpis total = reporter.report(JournalFilter.ALL).total();
        assertNull(total.strategy());
        assertNull(total.mode()); // paper and live
        assertEquals(7, total.trades());
        assertDecimal("57.14", total.winRate());   // 4 / 7
        assertDecimal("24", total.grossProfit());
        assertDecimal("12", total.netProfit());
        assertDecimal("1.5", total.fees());
        assertDecimal("2.0000", total.profitFactor());
        assertDecimal("1.71428571", total.expectancy()); // 12 / 7
        assertDecimal("0.2857", total.expectancyRatio()); // (12 / 7) / 6
        assertEquals(Duration.ofSeconds(7971), total.avgDuration()); // 15h30m / 7
        // merged equity 10, 15, 18, 14, 6, 12, 12: from 18 (B2, 01-02 08:00) to 6 (T3, 01-02 15:00)
        assertDecimal("12", total.maxDrawdown());
        assertDecimal("6.74", total.maxDrawdownPct()); // 12 / (110 + 50 + 18)
        assertEquals(Instant.parse("2024-01-02T08:00:00Z"), total.maxDrawdownStart());
        assertEquals(Instant.parse("2024-01-02T15:00:00Z"), total.maxDrawdownEnd());
        // daily PnL 10, -4, 6, 0: mean 3, sample sd sqrt(116/3), downside deviation 2 (all / 160)
        assertDecimal("9.2172", total.sharpe());
        assertDecimal("28.6575", total.sortino());
        assertEquals(1, total.openPositions());
        assertDecimal("2.4", total.unrealizedPnl());
    }

    @Test
    void filtersByStrategyAccountAndMode() {
        assertEquals(List.of("beta"), names(reporter.report(new JournalFilter("beta", null, null, null, null))));
        assertEquals(List.of("alpha"), names(reporter.report(new JournalFilter(null, "acc1", null, null, null))));
        assertEquals(List.of("beta"), names(reporter.report(new JournalFilter(null, null, Mode.LIVE, null, null))));
        Report none = reporter.report(new JournalFilter("beta", "acc1", null, null, null));
        assertTrue(none.isEmpty());
        assertEquals(0, none.total().trades());
    }

    @Test
    void sinceCountsRoundTripsByCloseAndFeesByOrderTime() {
        Report report = reporter.report(new JournalFilter(null, null, null,
                Instant.parse("2024-01-02T12:00:00Z"), null));
        assertEquals(List.of("alpha"), names(report)); // beta's trades and orders are all earlier
        Kpis alpha = report.strategies().get(0);
        assertEquals(3, alpha.trades()); // T3, T4, T5
        assertDecimal("-2", alpha.netProfit());
        assertDecimal("0.5", alpha.fees()); // T3 exit, T4 entry, T5 x2, open entry
        // equity -8, -2, -2: the peak is the starting zero, so the drawdown starts at T3's entry
        assertDecimal("8", alpha.maxDrawdown());
        assertEquals(Instant.parse("2024-01-02T11:00:00Z"), alpha.maxDrawdownStart());
        assertEquals(Instant.parse("2024-01-02T15:00:00Z"), alpha.maxDrawdownEnd());
    }

    @Test
    void untilHidesLaterPositionsAndValuesAtTheCloseBeforeIt() {
        Report beforeEntry = reporter.report(new JournalFilter(null, null, null, null,
                Instant.parse("2024-01-04T00:00:00Z")));
        Kpis alpha = row(beforeEntry, "alpha");
        assertEquals(4, alpha.trades());
        assertNull(alpha.openPosition());
        Report atOne = reporter.report(new JournalFilter(null, null, null, null,
                Instant.parse("2024-01-05T01:00:30Z")));
        Kpis held = row(atOne, "alpha");
        assertDecimal("40500", held.openPosition().lastPrice()); // the 01:00 candle closes after --until
        assertDecimal("1.15", held.unrealizedPnl());               // 0.0025 x 40500 - 100.1
    }

    @Test
    void anEmptyJournalReportsNoTrades() {
        try (Database empty = TestDatabase.fresh()) {
            Report report = new JournalReporter(empty.jdbi()).report(JournalFilter.ALL);
            assertTrue(report.isEmpty());
            Kpis total = report.total();
            assertEquals(0, total.trades());
            assertDecimal("0", total.netProfit());
            assertNull(total.winRate());
            assertNull(total.expectancy());
            assertNull(total.maxDrawdown());
            assertNull(total.firstTrade());
        }
    }

    @Test
    void unknownNamesAreBadInput() {
        InputException e = assertThrows(InputException.class,
                () -> reporter.report(new JournalFilter("gamma", null, null, null, null)));
        assertTrue(e.getMessage().startsWith("--strategy:"), e.getMessage());
        e = assertThrows(InputException.class,
                () -> reporter.report(new JournalFilter(null, "nobody", null, null, null)));
        assertTrue(e.getMessage().startsWith("--account:"), e.getMessage());
    }

    private static Kpis row(Report report, String strategy) {
        return report.strategies().stream().filter(k -> k.strategy().equals(strategy)).findFirst().orElseThrow();
    }

    private static List<String> names(Report report) {
        return report.strategies().stream().map(Kpis::strategy).toList();
    }

    static void assertDecimal(String expected, BigDecimal actual) {
        assertNotNull(actual, "expected " + expected + " but was n/a");
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + " but was " + actual);
    }
}
