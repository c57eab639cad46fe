package bot.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * {@code {"strategies":[{...}],"total":{...}}}: counts as JSON numbers, decimals as strings (exact),
 * times and durations as ISO-8601 strings, n/a as null.
 */
final class JsonReportWriter {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonReportWriter() {
    }

    static void write(Report report, Writer out) throws IOException {
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeArrayFieldStart("strategies");
            for (Kpis row : report.strategies()) {
                json.writeStartObject();
                fields(json, KpiFields.NAME, row);
                fields(json, KpiFields.STATS, row);
                if (row.openPosition() == null) {
                    json.writeNullField("openPosition");
                } else {
                    json.writeObjectFieldStart("openPosition");
                    fields(json, KpiFields.OPEN_POSITION, row.openPosition());
                    json.writeEndObject();
                }
                fields(json, KpiFields.TIMES, row);
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeObjectFieldStart("total");
            fields(json, KpiFields.NAME.subList(1, KpiFields.NAME.size()), report.total());
            fields(json, KpiFields.STATS, report.total());
            fields(json, KpiFields.OPEN_SUMMARY, report.total());
            fields(json, KpiFields.TIMES, report.total());
            json.writeEndObject();
            json.writeObjectFieldStart("deniedEntries");
            for (Map.Entry<String, Long> e : new java.util.TreeMap<>(report.deniedEntries()).entrySet()) {
                json.writeNumberField(e.getKey(), e.getValue());
            }
            json.writeEndObject();
            json.writeEndObject();
            json.writeRaw('\n');
        }
    }

    private static <T> void fields(JsonGenerator json, List<KpiField<T>> fields, T row) throws IOException {
        for (KpiField<T> field : fields) {
            json.writeFieldName(field.name());
            Object value = field.of(row);
            switch (value) {
                case Long n -> json.writeNumber(n);
                case Integer n -> json.writeNumber(n);
                case Map<?, ?> map -> {
                    json.writeStartObject();
                    for (Map.Entry<?, ?> e : map.entrySet()) {
                        json.writeStringField(e.getKey().toString(), ValueText.decimal((BigDecimal) e.getValue()));
                    }
                    json.writeEndObject();
                }
                case null -> json.writeNull();
                default -> json.writeString(ValueText.of(value));
            }
        }
    }
}
