package bot.web;

import bot.app.JournalReporter;
import bot.json.Json;
import bot.report.Report;
import bot.report.ReportFormat;
import bot.store.JournalFilter;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The KPIs of {@code bot report} per strategy, exactly as its JSON format prints them. Computing
 * them reads the whole journal (about a second over a million fills), so it runs off the request
 * path: once at start, then again after round trips close; a page shows the last result.
 */
final class KpiCache {
    private static final Logger log = LoggerFactory.getLogger(KpiCache.class);
    private final JournalReporter reporter;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile Map<String, JsonNode> byStrategy = Map.of();
    private volatile long computedFor = -1;
    private final java.util.concurrent.atomic.AtomicLong version = new java.util.concurrent.atomic.AtomicLong();

    KpiCache(JournalReporter reporter) {
        this.reporter = reporter;
    }

    /** The strategy's KPIs (a row of {@code bot report --format json}), null until first computed. */
    JsonNode of(String strategy, String mode) {
        return byStrategy.get(strategy + "/" + mode);
    }

    /** How many times the KPIs were computed: a page fetches them again when it changes. */
    long version() {
        return version.get();
    }

    /** Recomputes in the background when the journal's newest round trip is not the one last computed for. */
    void refreshFor(long latestRoundTrip) {
        if (latestRoundTrip == computedFor || !running.compareAndSet(false, true)) {
            return;
        }
        // once per new round trip, even when it fails: a failing report must not be retried four times a second
        computedFor = latestRoundTrip;
        Thread.ofVirtual().name("kpis").start(() -> {
            try {
                byStrategy = compute();
                version.incrementAndGet();
            } catch (RuntimeException e) {
                log.warn("could not compute the dashboard's KPIs: {}", e.getMessage());
            } finally {
                running.set(false);
            }
        });
    }

    private Map<String, JsonNode> compute() {
        Report report = reporter.report(JournalFilter.ALL);
        StringWriter json = new StringWriter();
        try {
            ReportFormat.JSON.write(report, json);
            Map<String, JsonNode> rows = new HashMap<>();
            for (JsonNode row : Json.MAPPER.readTree(json.toString()).path("strategies")) {
                // a strategy run in both modes has a row for each
                rows.put(row.path("strategy").asText() + "/" + row.path("mode").asText(), row);
            }
            return Map.copyOf(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
