package bot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.store.Database;
import bot.testing.TestDatabase;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The server alone, on an empty journal: the token, read-only, every endpoint answering. */
class WebServerTest {
    private static final String TOKEN = "s3cret-token-0123456789";
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void withATokenEveryRequestNeedsItAndNothingButGetIsServed() throws Exception {
        try (Database db = TestDatabase.fresh(); WebServer web = new WebServer(db.jdbi(), Clock.systemUTC())) {
            web.start(new HttpBinding(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Optional.of(TOKEN)),
                    StrategyStates.NONE);
            String base = "http://127.0.0.1:" + web.address().getPort();
            for (String path : new String[] {"/health/live", "/metrics", "/", "/api/strategies"}) {
                HttpResponse<String> none = get(base + path, null);
                assertEquals(401, none.statusCode(), path);
                assertFalse(none.body().contains(TOKEN));
                assertEquals(401, get(base + path, "Bearer wrong-token-0123456789").statusCode(), path);
                assertEquals(200, get(base + path, "Bearer " + TOKEN).statusCode(), path);
            }
            HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(base + "/api/strategies"))
                    .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(405, post.statusCode());
        }
    }

    @Test
    void servesThePageItsScriptsAndMetricsFromTheJar() throws Exception {
        try (Database db = TestDatabase.fresh(); WebServer web = new WebServer(db.jdbi(), Clock.systemUTC())) {
            web.start(new HttpBinding(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Optional.empty()),
                    StrategyStates.NONE);
            String base = "http://127.0.0.1:" + web.address().getPort();
            assertTrue(get(base + "/", null).body().contains("/vendor/uPlot.iife.min.js"));
            HttpResponse<String> uplot = get(base + "/vendor/uPlot.iife.min.js", null);
            assertEquals(200, uplot.statusCode());
            assertTrue(uplot.body().contains("uPlot"));
            HttpResponse<String> metrics = get(base + "/metrics", null);
            assertEquals(200, metrics.statusCode(), metrics.body());
            assertTrue(metrics.body().contains("jvm_threads_current"), metrics.body());
            assertEquals(404, get(base + "/nothing", null).statusCode());
        }
    }

    private HttpResponse<String> get(String url, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
