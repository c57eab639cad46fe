package bot.testing;

import bot.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Debian's headless Chromium driven through chromedriver's W3C WebDriver HTTP API (OkHttp and
 * Jackson: no Selenium). A machine without them fails the test that asks, saying what to install:
 * CI installs them, so a silent skip would hide a dashboard nobody looked at.
 */
public final class HeadlessChromium implements AutoCloseable {
    private static final MediaType JSON = MediaType.get("application/json");
    private static final List<String> CHROMIUM = List.of("/usr/bin/chromium", "/usr/lib/chromium/chromium");
    private static final List<String> DRIVER = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
    private final Process driver;
    private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(60)).build();
    private final String base;
    private final String session;

    public HeadlessChromium(Path profileDir) throws IOException, InterruptedException {
        String chromium = find(CHROMIUM, "chromium");
        String chromedriver = find(DRIVER, "chromium-driver");
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        driver = new ProcessBuilder(chromedriver, "--port=" + port)
                .redirectErrorStream(true).redirectOutput(profileDir.resolveSibling("chromedriver.log").toFile()).start();
        base = "http://127.0.0.1:" + port;
        awaitDriver();
        Map<String, Object> options = Map.of("binary", chromium, "args", List.of("--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1400,1000",
                "--user-data-dir=" + profileDir));
        JsonNode created = call("POST", "/session", Map.of("capabilities", Map.of("alwaysMatch",
                Map.of("browserName", "chrome", "goog:chromeOptions", options))));
        session = created.path("value").path("sessionId").asText();
        if (session.isEmpty()) {
            throw new IllegalStateException("chromedriver made no session: " + created);
        }
    }

    private static String find(List<String> candidates, String debianPackage) {
        return candidates.stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst()
                .orElseThrow(() -> new AssertionError(debianPackage + " is not installed: the dashboard's browser test"
                        + " needs it (apt-get install -y chromium chromium-driver; .ci/run installs them)"));
    }

    private void awaitDriver() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            try (Response r = http.newCall(new Request.Builder().url(base + "/status").build()).execute()) {
                if (r.isSuccessful()) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("chromedriver did not start");
    }

    public void open(String url) throws IOException {
        call("POST", "/session/" + session + "/url", Map.of("url", url));
    }

    /** Runs {@code script} (a function body; {@code return} gives the value) in the page. */
    public JsonNode script(String script) throws IOException {
        return call("POST", "/session/" + session + "/execute/sync", Map.of("script", script, "args", List.of()))
                .path("value");
    }

    public void screenshot(Path png) throws IOException {
        String data = call("GET", "/session/" + session + "/screenshot", null).path("value").asText();
        Files.createDirectories(png.getParent());
        Files.write(png, Base64.getDecoder().decode(data));
    }

    private JsonNode call(String method, String path, Object body) throws IOException {
        RequestBody payload = body == null ? null : RequestBody.create(Json.MAPPER.writeValueAsBytes(body), JSON);
        Request request = new Request.Builder().url(base + path).method(method, payload).build();
        try (Response response = http.newCall(request).execute()) {
            JsonNode answer = Json.MAPPER.readTree(response.body().string());
            if (!response.isSuccessful()) {
                throw new IllegalStateException("WebDriver " + method + " " + path + ": " + answer);
            }
            return answer;
        }
    }

    @Override
    public void close() throws InterruptedException {
        try {
            if (session != null) {
                call("DELETE", "/session/" + session, null);
            }
        } catch (IOException | RuntimeException e) {
            // the driver goes anyway
        } finally {
            driver.destroy();
            if (!driver.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                driver.destroyForcibly().waitFor();
            }
        }
    }
}
