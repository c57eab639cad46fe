package bot.cli;

import bot.json.Json;
import bot.testing.LiveSetup;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One {@code bot start} in a child JVM ({@link PacedStart}) with a home of its own (so its log is
 * its own) on a shared database: started, killed with SIGKILL, frozen and resumed with SIGSTOP and
 * SIGCONT, stopped with SIGTERM; its log read back as JSON events.
 */
final class BotInstance implements AutoCloseable {
    /** One line of the child's bot.json. */
    record Event(Instant time, String level, String message, JsonNode json) {
    }

    private final String name;
    private final Path home;
    private final Path output;
    private final Process process;

    private BotInstance(String name, Path home, Path output, Process process) {
        this.name = name;
        this.home = home;
        this.output = output;
        this.process = process;
    }

    /** Starts {@code bot start} as instance {@code name} under {@code root}. */
    static BotInstance start(String name, Path root, String dbUrl, String exchangeUrl, String leaseTtl,
                             long marketStart, long tickMillis, int from) throws IOException {
        Path home = Files.createDirectories(root.resolve(name));
        return start(name, home, home, Map.of("BOT_DB_URL", dbUrl, "BOT_BINANCE_REST_URL", exchangeUrl,
                "BOT_LEASE_TTL", leaseTtl), marketStart, tickMillis, from);
    }

    /**
     * Starts {@code bot start [args]} as instance {@code name} on {@code home} with {@code env} (BOT_DB_URL,
     * BOT_LEASE_TTL...), its standard output and error in {@code output}.
     */
    static BotInstance start(String name, Path home, Path output, Map<String, String> env, long marketStart,
                             long tickMillis, int from, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k",
                "-Dpaced.from=" + from, "-Dpaced.start=" + marketStart, "-Dpaced.tick=" + tickMillis,
                "-cp", System.getProperty("java.class.path"), PacedStart.class.getName(), "start"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("BOT_HOME", home.toString());
        builder.environment().put("BOT_DB_USER", "postgres");
        builder.environment().put("BOT_MASTER_KEY", LiveSetup.MASTER_KEY);
        builder.environment().putAll(env);
        builder.environment().put("HOSTNAME", "host-" + name);
        builder.redirectOutput(output.resolve(name + ".stdout.txt").toFile());
        builder.redirectError(output.resolve(name + ".stderr.txt").toFile());
        return new BotInstance(name, home, output, builder.start());
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** kill -9, and wait until it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    void freeze() throws IOException, InterruptedException {
        signal("STOP");
    }

    void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    /** SIGTERM, then its exit code (within {@code seconds}). */
    int stop(int seconds) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError(name + " did not stop within " + seconds + " s: " + stderr());
        }
        return process.exitValue();
    }

    private void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + name + " failed");
        }
    }

    /** The events of its log so far. */
    List<Event> events() {
        Path log = home.resolve("var/log/bot.json");
        List<Event> events = new ArrayList<>();
        if (!Files.exists(log)) {
            return events;
        }
        try {
            for (String line : Files.readAllLines(log)) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode json = Json.MAPPER.readTree(line);
                    events.add(new Event(java.time.OffsetDateTime.parse(json.path("@timestamp").asText()).toInstant(), json.path("level").asText(),
                            json.path("message").asText(), json));
                } catch (IOException | RuntimeException e) {
                    // the line being written as we read
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return events;
    }

    /** Its log events whose message starts with {@code prefix}. */
    List<Event> events(String prefix) {
        return events().stream().filter(e -> e.message().startsWith(prefix)).toList();
    }

    String stderr() {
        try {
            return Files.readString(output.resolve(name + ".stderr.txt"));
        } catch (IOException e) {
            return "(no stderr: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                signal("CONT");
            } catch (IOException | InterruptedException | RuntimeException e) {
                // gone already
            }
            process.destroyForcibly();
        }
    }
}
