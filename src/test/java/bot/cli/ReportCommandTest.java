package bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.app.ReportJournal;
import bot.store.Database;
import bot.testing.CliRun;
import bot.testing.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bot report} end to end: options, exit codes and the three formats over {@link ReportJournal}. */
class ReportCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FIELDS = List.of("strategy", "mode", "trades", "wins", "losses", "winRate",
            "grossProfit", "grossLoss", "netProfit", "fees", "profitFactor", "expectancy", "expectancyRatio",
            "avgDuration", "best", "worst", "maxDrawdown", "maxDrawdownPct", "maxDrawdownStart", "maxDrawdownEnd",
            "sharpe", "sortino", "openPosition", "firstTrade", "lastTrade");

    private static Database journal;
    private static Database empty;

    @TempDir
    Path home;

    @BeforeAll
    static void databases() {
        journal = TestDatabase.fresh();
        ReportJournal.write(journal.jdbi());
        empty = TestDatabase.fresh();
    }

    @AfterAll
    static void close() {
        journal.close();
        empty.close();
    }

    @Test
    void jsonHasEveryKpiPerStrategyAndInTotalWithDecimalsAsStrings() throws Exception {
        CliRun run = report(journal, "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode root = JSON.readTree(run.out());
        JsonNode strategies = root.get("strategies");
        assertEquals(2, strategies.size());
        JsonNode alpha = strategies.get(0);
        for (String field : FIELDS) {
            assertTrue(alpha.has(field), "missing " + field);
        }
        assertEquals("alpha", alpha.get("strategy").asText());
        assertEquals("paper", alpha.get("mode").asText());
        assertTrue(alpha.get("trades").isIntegralNumber());
        assertEquals(5, alpha.get("trades").asInt());
        assertEquals("4", alpha.get("netProfit").textValue());
        assertEquals("1.3", alpha.get("fees").textValue());
        assertEquals("0.0005", alpha.get("otherFees").get("BNB").textValue());
        assertEquals("1.3333", alpha.get("profitFactor").textValue());
        assertEquals("PT1H42M", alpha.get("avgDuration").textValue());
        assertEquals("10", alpha.get("maxDrawdownPct").textValue());
        assertEquals("2024-01-01T12:00:00Z", alpha.get("maxDrawdownStart").textValue());
        assertEquals("1.9918", alpha.get("sharpe").textValue());
        assertEquals("2.4", alpha.get("openPosition").get("unrealizedPnl").textValue());
        assertEquals("41000", alpha.get("openPosition").get("lastPrice").textValue());

        JsonNode beta = strategies.get(1);
        assertTrue(beta.get("profitFactor").isNull());
        assertTrue(beta.get("sharpe").isNull());
        assertTrue(beta.get("openPosition").isNull());

        JsonNode total = root.get("total");
        assertEquals(7, total.get("trades").asInt());
        assertEquals("12", total.get("netProfit").textValue());
        assertTrue(total.get("mode").isNull());
        assertEquals("2.4", total.get("unrealizedPnl").textValue());
    }

    @Test
    void csvHasAHeaderARowPerStrategyAndTheTotal() {
        CliRun run = report(journal, "--format", "csv");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(4, lines.size(), run.out());
        List<String> header = List.of(lines.get(0).split(","));
        assertEquals("scope", header.get(0));
        List<String> beta = List.of(lines.get(2).split(",", -1));
        assertEquals(header.size(), beta.size());
        assertEquals("beta", beta.get(header.indexOf("strategy")));
        assertEquals("n/a", beta.get(header.indexOf("profitFactor")));
        assertEquals("8", beta.get(header.indexOf("netProfit")));
        List<String> total = List.of(lines.get(3).split(",", -1));
        assertEquals("total", total.get(0));
        assertEquals("7", total.get(header.indexOf("trades")));
    }

    @Test
    void tableShowsAColumnPerStrategyTheTotalAndTheEquitySparklines() {
        CliRun run = report(journal);
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).contains("alpha") && lines.get(0).contains("beta") && lines.get(0).contains("TOTAL"),
                run.out());
        String profitFactor = line(lines, "profit factor");
        assertTrue(profitFactor.matches("profit factor\\s+1\\.3333\\s+n/a\\s+2\\s*"), profitFactor);
        assertTrue(line(lines, "equity").matches("equity\\s+[▁-█]+\\s+[▁-█]+\\s+[▁-█]+"), line(lines, "equity"));
        // aligned: every value column ends at the same place
        assertEquals(lines.get(0).length(), line(lines, "net profit").length());
    }

    @Test
    void filtersNarrowTheRows() throws Exception {
        CliRun run = report(journal, "--mode", "live", "--until", "2024-01-02", "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode strategies = JSON.readTree(run.out()).get("strategies");
        assertEquals(1, strategies.size());
        assertEquals("beta", strategies.get(0).get("strategy").asText()); // --until a date includes that day
        assertEquals(2, strategies.get(0).get("trades").asInt());
        run = report(journal, "--account", "acc1", "--since", "2024-01-03T00:00:00+01:00", "--format", "json");
        JsonNode alpha = JSON.readTree(run.out()).get("strategies").get(0);
        assertEquals(2, alpha.get("trades").asInt()); // T4, T5 (T3 closed at 15:00 UTC the day before)
    }

    @Test
    void anEmptyJournalSaysSoAndSucceeds() throws Exception {
        CliRun table = report(empty);
        assertEquals(0, table.exitCode(), table.err());
        assertTrue(table.out().startsWith("No trades"), table.out());
        CliRun json = report(empty, "--format", "json");
        JsonNode root = JSON.readTree(json.out());
        assertEquals(0, root.get("strategies").size());
        assertEquals(0, root.get("total").get("trades").asInt());
        assertTrue(root.get("total").get("winRate").isNull());
    }

    @Test
    void badOptionsExitTwoNamingTheOption() {
        assertBadInput("--since", "--since", "yesterday");
        assertBadInput("--until", "--until", "2024-13-01");
        assertBadInput("--until", "--since", "2024-02-01", "--until", "2024-01-01");
        assertBadInput("--mode", "--mode", "demo");
        assertBadInput("--format", "--format", "xml");
        assertBadInput("--strategy", "--strategy", "gamma");
        assertBadInput("--account", "--account", "nobody");
    }

    private void assertBadInput(String option, String... args) {
        CliRun run = report(journal, args);
        assertEquals(2, run.exitCode(), String.join(" ", args) + ": " + run.err());
        assertTrue(run.err().contains(option), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertEquals("", run.out());
    }

    private static String line(List<String> lines, String label) {
        return lines.stream().filter(l -> l.startsWith(label)).findFirst().orElseThrow();
    }

    private CliRun report(Database db, String... options) {
        List<String> args = new ArrayList<>(List.of("report"));
        args.addAll(List.of(options));
        String url = ((HikariDataSource) db.dataSource()).getJdbcUrl();
        String external = System.getenv("BOT_DB_URL");
        boolean embedded = external == null || external.isEmpty();
        Map<String, String> env = Map.of("BOT_DB_URL", url,
                "BOT_DB_USER", embedded ? "postgres" : System.getenv().getOrDefault("BOT_DB_USER", ""),
                "BOT_DB_PASSWORD", embedded ? "" : System.getenv().getOrDefault("BOT_DB_PASSWORD", ""));
        return CliRun.run(home, env, null, args.toArray(String[]::new));
    }
}
