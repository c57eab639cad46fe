package bot.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.domain.Mode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each format says which figures leave out the commissions that had no price, and how much of them. */
class UnvaluedFeesOutputTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final StrategyKey BETA = new StrategyKey("beta", Mode.LIVE);

    private static Report report(boolean unvalued) {
        ReportAssembler report = new ReportAssembler();
        BigDecimal net = new BigDecimal("-0.100002");
        report.closedTrade(BETA, "BTCUSDT", T0.plusSeconds(60), net);
        report.trades(BETA, "BTCUSDT", new TradeTotals(1, 0, 1, BigDecimal.ZERO, net, net, net, net,
                BigDecimal.valueOf(60), new BigDecimal("400"), T0, T0.plusSeconds(60)));
        report.fees(BETA, "BTCUSDT", new FeeTotals(new BigDecimal("0.400002"),
                unvalued ? Map.of("BNB", new BigDecimal("0.00146727")) : Map.of()));
        if (unvalued) {
            report.unvaluedTradeFees(BETA, "BTCUSDT", "BNB", new BigDecimal("0.0008006"));
        }
        report.openPosition(BETA, new OpenPosition("BTCUSDT", new BigDecimal("0.01"), new BigDecimal("40000"),
                new BigDecimal("400"), BigDecimal.ZERO, T0.plusSeconds(120), new BigDecimal("40100"),
                T0.plusSeconds(179), unvalued ? Map.of("BNB", new BigDecimal("0.00066667")) : Map.of()));
        return report.build();
    }

    private static String write(ReportFormat format, Report report) throws IOException {
        StringWriter out = new StringWriter();
        format.write(report, out);
        return out.toString();
    }

    @Test
    void theTableNamesWhatNetProfitAndUnrealizedPnlLeaveOut() throws IOException {
        List<String> lines = write(ReportFormat.TABLE, report(true)).lines().toList();
        String afterNet = lines.get(lines.indexOf(lines.stream().filter(l -> l.startsWith("net profit")).findFirst()
                .orElseThrow()) + 1);
        assertTrue(afterNet.startsWith("  excludes (no price)") && afterNet.endsWith("0.0008006 BNB"), afterNet);
        String afterUnrealized = lines.get(lines.indexOf(lines.stream().filter(l -> l.startsWith("unrealized PnL"))
                .findFirst().orElseThrow()) + 1);
        assertTrue(afterUnrealized.startsWith("  excludes (no price)") && afterUnrealized.endsWith("0.00066667 BNB"),
                afterUnrealized);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("fees") && l.endsWith("0.400002 + 0.00146727 BNB")));
        assertFalse(write(ReportFormat.TABLE, report(false)).contains("excludes"), "no such line when all is valued");
    }

    @Test
    void jsonAndCsvCarryTheExcludedAmountsPerFigure() throws IOException {
        JsonNode root = new ObjectMapper().readTree(write(ReportFormat.JSON, report(true)));
        JsonNode beta = root.get("strategies").get(0);
        assertEquals("0.0008006", beta.get("netProfitExcludes").get("BNB").asText());
        assertEquals("0.00146727", beta.get("otherFees").get("BNB").asText());
        assertEquals("0.00066667", beta.get("openPosition").get("unrealizedPnlExcludes").get("BNB").asText());
        assertEquals("0.0008006", root.get("total").get("netProfitExcludes").get("BNB").asText());
        assertEquals("0.00066667", root.get("total").get("unrealizedPnlExcludes").get("BNB").asText());

        List<String> csv = write(ReportFormat.CSV, report(true)).lines().toList();
        List<String> header = Arrays.asList(csv.get(0).split(","));
        List<String> row = Arrays.asList(csv.get(1).split(","));
        assertEquals("BNB=0.0008006", row.get(header.indexOf("netProfitExcludes")));
        assertEquals("BNB=0.00066667", row.get(header.indexOf("unrealizedPnlExcludes")));
        List<String> valued = Arrays.asList(write(ReportFormat.CSV, report(false)).lines().toList().get(1).split(",", -1));
        assertEquals("", valued.get(header.indexOf("netProfitExcludes")));
    }
}
