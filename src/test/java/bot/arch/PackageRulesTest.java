package bot.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the one-way package dependencies of architecture.md true, by reading every main source
 * file's imports (and fully qualified uses) of the bot's own packages and of I/O libraries.
 */
class PackageRulesTest {
    private static final Path MAIN = Path.of("src/main/java/bot");

    /** Which of the bot's packages each package may use (itself always). */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("domain", Set.of()),
            Map.entry("strategy", Set.of("domain")),
            Map.entry("risk", Set.of("domain")),
            Map.entry("engine", Set.of("domain", "strategy", "risk")),
            Map.entry("market", Set.of("domain", "engine", "rest", "json")),
            Map.entry("execution", Set.of("domain", "engine", "security", "rest", "json")),
            Map.entry("store", Set.of("domain", "engine", "config", "json", "backtest")),
            // a backtest's clock, journal in memory and KPIs: pure, like the engine it drives
            Map.entry("backtest", Set.of("domain", "strategy", "engine", "report")),
            // the REST transport both market and execution reach Binance through: one budget per host
            Map.entry("rest", Set.of("engine")),
            // the one Jackson set-up
            Map.entry("json", Set.of()),
            Map.entry("security", Set.of()),
            Map.entry("report", Set.of("domain")),
            Map.entry("config", Set.of()),
            // notices to a webhook or Telegram: reads nothing of the bot but JSON, trades nothing
            Map.entry("notify", Set.of("json")),
            Map.entry("app", Set.of("domain", "strategy", "risk", "engine", "market", "execution", "store",
                    "security", "report", "config", "rest", "json", "notify", "backtest")),
            // the read-only HTTP interface: reads the journal, never trades; only cli wires it
            Map.entry("web", Set.of("app", "store", "report", "config", "domain", "json", "rest")),
            Map.entry("cli", Set.of("app", "config", "domain", "strategy", "store", "report", "engine", "security",
                    "json", "backtest", "web")));

    /** Packages that must stay pure: no network, no database, no wall clock. */
    private static final Set<String> PURE = Set.of("domain", "strategy", "risk", "engine", "backtest");
    /** A use of one of the bot's packages, sub-packages included ({@code bot.execution.binance.X} is execution). */
    private static final Pattern BOT_REF = Pattern.compile("\\bbot\\.([a-z]+)(?:\\.[a-z]+)*\\.[A-Z]");
    private static final List<String> IO = List.of("okhttp3", "org.jdbi", "java.sql", "java.net", "javax.sql",
            "com.zaxxer", "org.flywaydb");
    /** Structured log fields go through SLF4J's fluent API in the pure packages, not the JSON encoder's classes. */
    private static final List<String> LOGGING_BACKENDS = List.of("net.logstash", "ch.qos.logback");
    private static final List<String> WALL_CLOCK = List.of("System.currentTimeMillis", "Instant.now()",
            "LocalDateTime.now()", "Clock.systemUTC()", "ZonedDateTime.now()");

    @Test
    void packagesDependOnlyOnThoseArchitectureAllows() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : sources()) {
            String pkg = MAIN.relativize(file).getName(0).toString();
            Set<String> allowed = ALLOWED.get(pkg);
            if (allowed == null) {
                violations.add(file + ": package bot." + pkg + " is not in architecture.md's table");
                continue;
            }
            String code = Files.readString(file);
            Matcher m = BOT_REF.matcher(code);
            while (m.find()) {
                String used = m.group(1);
                if (!used.equals(pkg) && !allowed.contains(used)) {
                    violations.add(file + ": bot." + pkg + " uses bot." + used);
                }
            }
            if (PURE.contains(pkg)) {
                for (String lib : IO) {
                    if (code.contains("import " + lib + ".") || code.contains(" " + lib + ".")) {
                        violations.add(file + ": pure package bot." + pkg + " uses " + lib);
                    }
                }
                for (String backend : LOGGING_BACKENDS) {
                    if (code.contains(backend + ".")) {
                        violations.add(file + ": pure package bot." + pkg + " uses " + backend);
                    }
                }
                for (String clock : WALL_CLOCK) {
                    if (code.contains(clock)) {
                        violations.add(file + ": pure package bot." + pkg + " reads the wall clock (" + clock + ")");
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    /**
     * Runners, feeds and supervisors are virtual threads: a monitor held across JDBC, HTTP or a sleep
     * pins the carrier (JDK 21-23) and, once the pool saturates, stalls every one of them. So the code
     * uses java.util.concurrent locks; the monitors allowed guard a few CPU-only lines (a Mac's update,
     * an attempt counter) and nothing else.
     */
    @Test
    void noMonitorAnywhereButAroundPureComputation() throws IOException {
        Set<String> allowed = Set.of("security/HmacSha256Signer.java", "market/ConnectionAttemptBudget.java");
        List<String> violations = new ArrayList<>();
        for (Path file : sources()) {
            String relative = MAIN.relativize(file).toString().replace('\\', '/');
            if (!allowed.contains(relative)
                    && Pattern.compile("\\bsynchronized\\b").matcher(Files.readString(file)).find()) {
                violations.add(relative);
            }
        }
        assertEquals(List.of(), violations);
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(f -> f.toString().endsWith(".java") && MAIN.relativize(f).getNameCount() > 1).toList();
        }
    }
}
