package bot.app;

import bot.risk.Block;
import bot.risk.LimitKey;
import bot.risk.Limits;
import bot.risk.Scope;
import bot.store.AccountRepository;
import bot.store.RiskRepository;
import bot.store.StoredStrategy;
import bot.store.StrategyRepository;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code bot limits}, {@code bot halt} and {@code bot resume} do: every input is checked (the
 * scope exists, keys are known, values well formed and going together) before anything is written;
 * a refusal is an {@link InputException}. Writes reach running daemons through NOTIFY.
 */
public final class RiskSetup {
    private static final Logger log = LoggerFactory.getLogger(RiskSetup.class);
    private static final Pattern PAIR = Pattern.compile("([a-z_]+)=(.+)");
    private static final Pattern ASSET = Pattern.compile("[0-9.]+([A-Z][A-Z0-9]*)");

    private final RiskRepository risk;
    private final StrategyRepository strategies;
    private final AccountRepository accounts;
    private final InstantSource clock;

    public RiskSetup(Jdbi jdbi, InstantSource clock) {
        this.risk = new RiskRepository(jdbi);
        this.strategies = new StrategyRepository(jdbi);
        this.accounts = new AccountRepository(jdbi);
        this.clock = clock;
    }

    /** {@code bot limits set}: what to print. */
    public String set(String strategy, String account, List<String> pairs) {
        Scope scope = scope(strategy, account, false);
        Map<String, String> set = set(scope, pairs);
        return "Limits set on " + scope + ": " + set.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(java.util.stream.Collectors.joining(" ")) + ".";
    }

    /** {@code bot limits clear}: what to print. */
    public String clear(String strategy, String account, List<String> keys) {
        Scope scope = scope(strategy, account, false);
        int removed = clear(scope, keys);
        return "Cleared " + removed + " limit" + (removed == 1 ? "" : "s") + " on " + scope + ".";
    }

    /** {@code bot halt}: what to print. */
    public String halt(String strategy, String account, boolean all, String reason, boolean flatten) {
        Scope scope = scope(strategy, account, all);
        halt(scope, reason, flatten);
        return "Halted " + scope + (flatten ? ": no entries; its open positions are sold now."
                : ": no entries (exits go on) until bot resume.");
    }

    /** {@code bot resume}: what to print. */
    public String resume(String strategy, String account, boolean all) {
        Scope scope = scope(strategy, account, all);
        List<Block> lifted = resume(scope);
        return "Resumed " + scope + (lifted.isEmpty() ? " (nothing was halted)." : ": lifted "
                + lifted.stream().map(b -> b.scope() + " " + b.describe())
                        .collect(java.util.stream.Collectors.joining(", ")) + ".");
    }

    /** The scope of --strategy NAME or --account NAME (or --all), which must exist. */
    Scope scope(String strategy, String account, boolean all) {
        if (all) {
            return Scope.ALL;
        }
        if (strategy != null) {
            if (strategies.find(strategy).isEmpty()) {
                throw new InputException("--strategy: no strategy named '" + strategy + "'");
            }
            return Scope.strategy(strategy);
        }
        if (accounts.find(account).isEmpty()) {
            throw new InputException("--account: no account named '" + account + "'");
        }
        return Scope.account(account);
    }

    /** Sets KEY=VALUE pairs on the scope; the values as stored. */
    Map<String, String> set(Scope scope, List<String> pairs) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : pairs) {
            Matcher m = PAIR.matcher(pair);
            if (!m.matches()) {
                throw new InputException("KEY=VALUE: '" + pair + "' is not KEY=VALUE (e.g. max_drawdown=0.1)");
            }
            LimitKey key = key(m.group(1));
            try {
                values.put(key.code(), key.canonical(m.group(2)));
            } catch (IllegalArgumentException e) {
                throw new InputException(key.code() + ": " + e.getMessage());
            }
        }
        Map<String, String> merged = new TreeMap<>(risk.limitsOf(scope.kind().code(), scope.name()));
        merged.putAll(values);
        check(scope, merged);
        risk.setLimits(scope.kind().code(), scope.name(), values);
        log.warn("risk limits set on {}: {}", scope, values);
        return values;
    }

    /** Clears the keys named (every key when none is); how many were removed. */
    int clear(Scope scope, List<String> keys) {
        List<String> codes = new ArrayList<>();
        keys.forEach(k -> codes.add(key(k).code()));
        Map<String, String> left = new TreeMap<>(risk.limitsOf(scope.kind().code(), scope.name()));
        if (codes.isEmpty()) {
            left.clear();
        } else {
            codes.forEach(left::remove);
        }
        check(scope, left);
        int removed = risk.clearLimits(scope.kind().code(), scope.name(), codes);
        log.warn("risk limits cleared on {}: {}", scope, codes.isEmpty() ? "all" : codes);
        return removed;
    }

    public List<RiskRepository.StoredLimit> limits() {
        return risk.limits();
    }

    /** Halts the scope: no entries until bot resume; with flatten its open positions are sold. */
    void halt(Scope scope, String reason, boolean flatten) {
        if (reason != null && (reason.isBlank() || reason.length() > 200)) {
            throw new InputException("--reason: must be 1 to 200 characters");
        }
        String why = reason == null ? "halted by hand" : reason.strip();
        risk.halt(scope.kind().code(), scope.name(), why, flatten, clock.instant());
        log.warn("halt: no entries in {} until bot resume{} (reason: {})", scope, flatten ? "; open positions sold" : "",
                why);
    }

    /** Lifts the scope's halts and trips; what was lifted. */
    List<Block> resume(Scope scope) {
        List<Block> lifted = new ArrayList<>();
        for (RiskRepository.StoredBlock b : risk.resume(scope.kind().code(), scope.name(), clock.instant())) {
            lifted.add(new Block(b.id(), RiskUpdates.scope(b.scopeKind(), b.scopeName()), b.limitKey(), b.reason(),
                    b.value(), b.threshold(), b.at(), b.until(), b.flatten()));
        }
        log.warn("resume: entries allowed again in {} (lifted: {})", scope,
                lifted.stream().map(b -> b.scope() + " " + b.describe()).toList());
        return lifted;
    }

    /**
     * Each strategy's state as {@code bot list} shows it: {@code running}, {@code halted: REASON} or
     * {@code tripped: LIMIT} (its own block first, then its account's, then a halt of all).
     */
    public Map<String, String> states(List<StoredStrategy> rows) {
        Instant now = clock.instant();
        List<RiskRepository.StoredBlock> blocks = risk.blocks().stream()
                .filter(b -> b.until() == null || now.isBefore(b.until())).toList();
        Map<String, String> states = new LinkedHashMap<>();
        for (StoredStrategy s : rows) {
            Optional<RiskRepository.StoredBlock> block = blocks.stream().filter(b -> matches(b, "strategy", s.name()))
                    .findFirst()
                    .or(() -> blocks.stream().filter(b -> matches(b, "account", s.account())).findFirst())
                    .or(() -> blocks.stream().filter(b -> b.scopeKind().equals("all")).findFirst());
            states.put(s.name(), block.map(b -> b.limitKey() == null ? "halted: " + b.reason()
                    : "tripped: " + b.limitKey()).orElse(s.enabled() ? "running" : "disabled"));
        }
        return states;
    }

    private static boolean matches(RiskRepository.StoredBlock b, String kind, String name) {
        return b.scopeKind().equals(kind) && b.scopeName().equals(name);
    }

    private static LimitKey key(String code) {
        try {
            return LimitKey.ofCode(code);
        } catch (IllegalArgumentException e) {
            throw new InputException("KEY: " + e.getMessage());
        }
    }

    /** The scope's limits as they would stand, checked together; an amount must be in its strategies' quote asset. */
    private void check(Scope scope, Map<String, String> values) {
        try {
            Limits.of(scope.kind(), values);
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage());
        }
        List<StoredStrategy> covered = strategies.all().stream().filter(s -> scope.kind() == Scope.Kind.STRATEGY
                ? s.name().equals(scope.name()) : s.account().equals(scope.name())).toList();
        for (Map.Entry<String, String> e : values.entrySet()) {
            Matcher m = ASSET.matcher(e.getValue());
            if (!m.matches()) {
                continue;
            }
            String asset = m.group(1);
            for (StoredStrategy s : covered) {
                if (!s.symbol().endsWith(asset)) {
                    throw new InputException(e.getKey() + ": " + asset + " is not the quote asset of strategy "
                            + s.name() + " (" + s.symbol() + ")");
                }
            }
        }
    }
}
