package bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** {@code bot start} in a child JVM ({@link SteppedFeedStart}) with its HTTP server on a free port. */
final class WebBot implements AutoCloseable {
    private final Process process;
    private final Path home;
    private final PrintWriter commands;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final int port;

    WebBot(Path home, String dbUrl) throws IOException, InterruptedException {
        this.home = home;
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SteppedFeedStart.class.getName(), "start");
        builder.environment().put("BOT_HOME", home.toString());
        builder.environment().put("BOT_DB_URL", dbUrl);
        builder.environment().put("BOT_DB_USER", "postgres");
        builder.environment().put("BOT_HTTP_ADDRESS", "127.0.0.1:0");
        builder.redirectError(home.resolve("stderr.txt").toFile());
        process = builder.start();
        commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        Thread.ofVirtual().start(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // ended
            }
        });
        String first = next("HTTP ");
        port = Integer.parseInt(first.substring(5));
    }

    private String next(String prefix) throws InterruptedException {
        while (true) {
            String line = lines.poll(60, TimeUnit.SECONDS);
            if (line == null) {
                throw new AssertionError("bot start said nothing starting with '" + prefix + "': " + stderr());
            }
            if (line.startsWith(prefix)) {
                return line;
            }
        }
    }

    /** Sends a command to the feed ({@code candles N}, {@code clock S}) and waits for it to be done. */
    int command(String command) throws InterruptedException {
        commands.println(command);
        return Integer.parseInt(next("OK ").substring(3));
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Waits (up to 20 s) until {@code path} answers {@code status}; returns that answer. */
    HttpResponse<String> await(String path, int status) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        HttpResponse<String> last;
        do {
            last = get(path);
            if (last.statusCode() == status) {
                return last;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        assertEquals(status, last.statusCode(), path + " answered " + last.body());
        return last;
    }

    /** The bot's log lines that warn or err. */
    String log() {
        try {
            return String.join("\n", Files.readAllLines(home.resolve("var/log/bot.json")).stream()
                    .filter(l -> l.contains("\"WARN\"") || l.contains("\"ERROR\"") || l.contains("denied"))
                    .limit(40).toList());
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    String stderr() {
        try {
            return Files.readString(home.resolve("stderr.txt"));
        } catch (IOException e) {
            return "(no stderr: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
