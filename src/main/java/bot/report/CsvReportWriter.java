package bot.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * One header line, one line per row and a last line for the total ({@code scope} tells them
 * apart). The open position is flattened into {@code open*} columns; n/a is written {@code n/a}.
 * Fields are quoted when they hold a comma, a quote or a line break (RFC 4180).
 */
final class CsvReportWriter {
    private static final String NA = "n/a";
    private static final List<KpiField<OpenPosition>> OPEN = List.of(
            new KpiField<>("openQty", OpenPosition::qty),
            new KpiField<>("openEntryPrice", OpenPosition::entryPrice),
            new KpiField<>("openedAt", OpenPosition::openedAt),
            new KpiField<>("lastPrice", OpenPosition::lastPrice));

    private CsvReportWriter() {
    }

    static void write(Report report, Writer out) throws IOException {
        List<String> header = new ArrayList<>(List.of("scope"));
        for (KpiField<?> f : columns()) {
            header.add(f.name());
        }
        header.addAll(OPEN.stream().map(KpiField::name).toList());
        line(out, header);
        for (Kpis row : report.strategies()) {
            line(out, values("strategy", row));
        }
        line(out, values("total", report.total()));
    }

    private static List<KpiField<Kpis>> columns() {
        List<KpiField<Kpis>> columns = new ArrayList<>(KpiFields.NAME);
        columns.addAll(KpiFields.STATS);
        columns.addAll(KpiFields.OPEN_SUMMARY);
        columns.addAll(KpiFields.TIMES);
        return columns;
    }

    private static List<String> values(String scope, Kpis row) {
        List<String> values = new ArrayList<>(List.of(scope));
        for (KpiField<Kpis> f : columns()) {
            String text = ValueText.of(f.of(row));
            values.add(text == null ? (f.name().equals("strategy") ? "" : NA) : text);
        }
        for (KpiField<OpenPosition> f : OPEN) {
            String text = row.openPosition() == null ? null : ValueText.of(f.of(row.openPosition()));
            values.add(text == null ? NA : text);
        }
        return values;
    }

    private static void line(Writer out, List<String> fields) throws IOException {
        StringBuilder line = new StringBuilder();
        for (String field : fields) {
            if (!line.isEmpty()) {
                line.append(',');
            }
            boolean quote = field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r");
            line.append(quote ? '"' + field.replace("\"", "\"\"") + '"' : field);
        }
        out.write(line.append('\n').toString());
    }
}
