package bot.cli;

import bot.app.InputException;
import bot.app.RiskSetup;
import bot.json.Json;
import bot.store.AccountRepository;
import bot.store.Database;
import bot.store.Leases;
import bot.store.StoredAccount;
import bot.store.StoredStrategy;
import bot.store.StrategyRepository;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code bot list [accounts|strategies] [--format table|json]}. No secret is shown, not even
 * masked: of the credentials only the API key's last 4 characters appear.
 */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List accounts and strategies (both when neither is named): a table for people, JSON for scripts.")
final class ListCommand implements Callable<Integer> {

    @ParentCommand
    BotCommand root;

    @Parameters(index = "0", arity = "0..1", paramLabel = "accounts|strategies", description = "What to list (default: both).")
    String what;

    @Option(names = "--format", paramLabel = "table|json", defaultValue = "table", description = "table (default) or json.")
    String format;

    @Override
    public Integer call() throws JsonProcessingException {
        boolean accounts = what == null || what.equals("accounts");
        boolean strategies = what == null || what.equals("strategies");
        if (!accounts && !strategies) {
            throw new InputException("accounts|strategies: must be accounts or strategies, got '" + what + "'");
        }
        if (!format.equals("table") && !format.equals("json")) {
            throw new InputException("--format: must be table or json, got '" + format + "'");
        }
        List<StoredAccount> accountRows;
        List<StoredStrategy> strategyRows;
        Map<String, String> states;
        Map<Long, Leases.Lease> leases;
        try (Database db = root.openDatabase()) {
            accountRows = accounts ? new AccountRepository(db.jdbi()).all() : List.of();
            strategyRows = strategies ? new StrategyRepository(db.jdbi()).all() : List.of();
            states = new RiskSetup(db.jdbi(), Clock.systemUTC()).states(strategyRows);
            leases = strategies ? Leases.all(db.jdbi()) : Map.of();
        }
        PrintWriter out = root.environment().out();
        if (format.equals("json")) {
            Object value;
            if (what == null) {
                Map<String, Object> both = new LinkedHashMap<>();
                both.put("accounts", json(accountRows));
                both.put("strategies", jsonStrategies(strategyRows, states, leases));
                value = both;
            } else {
                value = accounts ? json(accountRows) : jsonStrategies(strategyRows, states, leases);
            }
            out.println(Json.PRETTY.writeValueAsString(value));
            return Cli.OK;
        }
        if (accounts) {
            printAccounts(out, accountRows, what == null);
        }
        if (what == null) {
            out.println();
        }
        if (strategies) {
            printStrategies(out, strategyRows, states, leases, what == null);
        }
        return Cli.OK;
    }

    private static void printAccounts(PrintWriter out, List<StoredAccount> rows, boolean titled) {
        if (titled) {
            out.println("Accounts");
        }
        if (rows.isEmpty()) {
            out.println("(none; add one with 'bot add-account --name NAME')");
            return;
        }
        TextTable table = new TextTable("NAME", "KEY TYPE", "API KEY", "NETWORK", "CREATED");
        for (StoredAccount a : rows) {
            table.row(a.name(), a.keyType(), a.apiKeyHint() == null ? "-" : "..." + a.apiKeyHint(),
                    a.testnet() ? "testnet" : "production", time(a.createdAt()));
        }
        table.print(out);
    }

    private static void printStrategies(PrintWriter out, List<StoredStrategy> rows, Map<String, String> states,
                                        Map<Long, Leases.Lease> leases,
                                        boolean titled) {
        if (titled) {
            out.println("Strategies");
        }
        if (rows.isEmpty()) {
            out.println("(none; add one with 'bot add-strategy')");
            return;
        }
        TextTable table = new TextTable("NAME", "ACCOUNT", "KIND", "SYMBOL", "INTERVAL", "MODE", "ENABLED", "STATE",
                "RUN BY",
                "PARAMETERS");
        for (StoredStrategy s : rows) {
            Leases.Lease lease = held(leases, s);
            table.row(s.name(), s.account(), s.kind(), s.symbol(), s.interval().code(), s.mode().code(),
                    s.enabled() ? "yes" : "no", states.get(s.name()), lease == null ? "-" : lease.host() + ":" + lease.pid(),
                    s.params().entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" ")));
        }
        table.print(out);
    }

    private static List<Map<String, Object>> json(List<StoredAccount> rows) {
        return rows.stream().map(a -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", a.name());
            m.put("keyType", a.keyType());
            m.put("apiKeyLast4", a.apiKeyHint());
            m.put("testnet", a.testnet());
            m.put("createdAt", a.createdAt().toString());
            return m;
        }).toList();
    }

    /** The instance running {@code s} now (its lease held), or null. */
    private static Leases.Lease held(Map<Long, Leases.Lease> leases, StoredStrategy s) {
        Leases.Lease lease = leases.get(s.id());
        return lease != null && lease.held() ? lease : null;
    }

    private static List<Map<String, Object>> jsonStrategies(List<StoredStrategy> rows, Map<String, String> states,
                                                            Map<Long, Leases.Lease> leases) {
        return rows.stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", s.name());
            m.put("account", s.account());
            m.put("kind", s.kind());
            m.put("symbol", s.symbol());
            m.put("interval", s.interval().code());
            m.put("mode", s.mode().code());
            m.put("enabled", s.enabled());
            m.put("state", states.get(s.name()));
            m.put("params", s.params());
            Leases.Lease lease = held(leases, s);
            m.put("runBy", lease == null ? null : Map.of("host", lease.host(), "pid", lease.pid(),
                    "since", lease.since().toString()));
            m.put("createdAt", s.createdAt().toString());
            m.put("updatedAt", s.updatedAt().toString());
            return m;
        }).toList();
    }

    private static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
