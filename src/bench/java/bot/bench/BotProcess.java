package bot.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code bot start} as a child process, the way a user runs it: through {@code bin/bot} (the
 * launcher's JVM options, class-data sharing included) or, for comparison, the launcher's java
 * command written out. The child gets this JVM's JDK as JAVA_HOME; its output goes to files in
 * its BOT_HOME.
 */
final class BotProcess implements AutoCloseable {
    /** bin/bot's JVM options for {@code start}, without its class-data sharing ones. */
    static final List<String> LAUNCHER_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-Xss512k",
            "-Xmx192m");

    private final Process process;
    private final Path home;
    private final long startedAt;

    private BotProcess(Process process, Path home, long startedAt) {
        this.process = process;
        this.home = home;
        this.startedAt = startedAt;
    }

    /** The repository: the folder holding bin/bot (the working directory, or above target/bench/benchmarks.jar). */
    static Path repository() {
        Path cwd = Path.of("").toAbsolutePath();
        if (Files.isExecutable(cwd.resolve("bin/bot"))) {
            return cwd;
        }
        try {
            Path jar = Path.of(BotProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return jar.getParent().getParent().getParent();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code bin/bot start} with {@code env} added to this process's environment. */
    static BotProcess launcher(Path home, Map<String, String> env) throws IOException {
        return start(List.of(repository().resolve("bin/bot").toString(), "start"), home, env);
    }

    /** The launcher's own java command for {@code start} with {@code jvmOptions} instead of its CDS options. */
    static BotProcess java(Path home, Map<String, String> env, List<String> jvmOptions) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(LAUNCHER_OPTIONS);
        command.addAll(jvmOptions);
        command.add("-Dbot.home=" + home);
        command.add("-jar");
        command.add(repository().resolve("target/bot.jar").toString());
        command.add("start");
        return start(command, home, env);
    }

    /** Makes sure target/bot.jar is built and current (bin/bot builds it when it is not). */
    static void buildJar() throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(repository().resolve("bin/bot").toString(), "--version").inheritIO();
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        if (pb.start().waitFor() != 0) {
            throw new IllegalStateException("bin/bot --version failed");
        }
    }

    private static BotProcess start(List<String> command, Path home, Map<String, String> env) throws IOException {
        Files.createDirectories(home);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("BOT_HOME", home.toString());
        pb.environment().put("BOT_HTTP_ADDRESS", "127.0.0.1:0"); // its HTTP server up, on a port of its own
        pb.environment().putAll(env);
        pb.redirectOutput(home.resolve("stdout.txt").toFile());
        pb.redirectError(ProcessBuilder.Redirect.appendTo(new File(home.resolve("stderr.txt").toString())));
        long t0 = System.nanoTime();
        return new BotProcess(pb.start(), home, t0);
    }

    /** System.nanoTime just before the process was started. */
    long startedAt() {
        return startedAt;
    }

    long pid() {
        return process.pid();
    }

    /** SIGTERM, then waits for the exit (a class-data archive is written then); the exit code. */
    int stop() throws InterruptedException, IOException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("bot start did not stop within 60 s of SIGTERM");
        }
        int code = process.exitValue();
        if (code != 0) {
            System.out.println("bot start exited " + code + "; its stderr:\n" + Files.readString(home.resolve("stderr.txt")));
        }
        return code;
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
