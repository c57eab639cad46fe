package bot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bot.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rows sent as COPY text come back exactly: escapes, NULLs, decimal scales and times. */
class CopyTextTest {

    @Test
    void valuesComeBackExactly() {
        try (Database db = TestDatabase.fresh()) {
            List<Map<String, Object>> rows = db.jdbi().inTransaction(h -> {
                h.execute("create temporary table copied (n bigint, d numeric, t text, at timestamptz)");
                long stored = new CopyText()
                        .value(1).value(new BigDecimal("0.00100000")).value("tab\there\\back\nline\rcr").value(
                                Instant.parse("2024-02-29T23:59:59.123Z")).endRow()
                        .value(-2).value((BigDecimal) null).value((String) null).value((Instant) null).endRow()
                        .value(3).value(new BigDecimal("1E+3")).value("\\N").value(Instant.ofEpochMilli(0)).endRow()
                        .into(h, "copy copied (n, d, t, at) from stdin");
                assertEquals(3, stored);
                return h.createQuery("select n, d::text as d, t, extract(epoch from at) * 1000 as ms from copied order by n")
                        .mapToMap().list();
            });
            assertEquals(-2L, rows.get(0).get("n"));
            assertEquals(null, rows.get(0).get("d"));
            assertEquals(null, rows.get(0).get("t"));
            assertEquals(null, rows.get(0).get("ms"));
            assertEquals("0.00100000", rows.get(1).get("d"));
            assertEquals("tab\there\\back\nline\rcr", rows.get(1).get("t"));
            assertEquals(0, new BigDecimal("1709251199123").compareTo((BigDecimal) rows.get(1).get("ms")));
            assertEquals("1000", rows.get(2).get("d"));
            assertEquals("\\N", rows.get(2).get("t"));
            assertEquals(0, BigDecimal.ZERO.compareTo((BigDecimal) rows.get(2).get("ms")));
        }
    }
}
