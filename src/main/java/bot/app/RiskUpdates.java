package bot.app;

import bot.engine.RiskBook;
import bot.notify.Notice;
import bot.notify.Notifier;
import bot.risk.Block;
import bot.risk.Limits;
import bot.risk.RiskSettings;
import bot.risk.Scope;
import bot.store.RiskRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-reads the limits, halts, trips and resumes from the database and applies them to a daemon's
 * {@link RiskBook}: run once before the strategies start (a restarted daemon starts halted where it
 * stopped halted), then as the {@link bot.store.Changes.Topic#RISK} reaction of the daemon's
 * {@link bot.store.ChangeListener} (on every change, reconnection and safety-net period).
 */
public final class RiskUpdates implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(RiskUpdates.class);
    /** How often limits and halts are re-read even without a notice. */
    public static final Duration SAFETY_NET = Duration.ofSeconds(30);

    private final RiskRepository repository;
    private final RiskBook book;
    private final Notifier notifier;
    /** The halts and trips in force at the last read, by id; null before the first read. */
    private Map<Long, Block> known;

    public RiskUpdates(Jdbi jdbi, RiskBook book) {
        this(jdbi, book, Notifier.NONE);
    }

    /** Also tells {@code notifier} of every halt or trip that appears, and every one lifted, after the first read. */
    public RiskUpdates(Jdbi jdbi, RiskBook book, Notifier notifier) {
        this.repository = new RiskRepository(jdbi);
        this.book = book;
        this.notifier = notifier;
    }

    @Override
    public void run() {
        RiskSettings settings = read(repository);
        book.apply(settings);
        tell(settings.blocks());
    }

    /** Runs on the listener's one thread only. A trip made by this daemon is written as a block, so it is told here too. */
    private void tell(List<Block> blocks) {
        Map<Long, Block> now = new HashMap<>();
        blocks.forEach(b -> now.put(b.id(), b));
        if (known != null) {
            now.values().stream().filter(b -> !known.containsKey(b.id())).forEach(b -> notifier.publish(notice(b, true)));
            known.values().stream().filter(b -> !now.containsKey(b.id())).forEach(b -> notifier.publish(notice(b, false)));
        }
        known = now;
    }

    private static Notice notice(Block block, boolean imposed) {
        String scope = block.scope().toString();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("scope", scope);
        fields.put("limit", block.limit());
        fields.put("reason", block.reason());
        fields.put("value", block.value() == null ? null : block.value().toPlainString());
        fields.put("threshold", block.threshold() == null ? null : block.threshold().toPlainString());
        String strategy = block.scope().kind() == Scope.Kind.STRATEGY ? block.scope().name() : null;
        if (!imposed) {
            return new Notice(Notice.Kind.RESUMED, strategy, scope + ": entries allowed again", fields, Instant.now());
        }
        return block.isHalt()
                ? new Notice(Notice.Kind.HALTED, strategy, scope + " halted: " + block.reason(), fields, Instant.now())
                : new Notice(Notice.Kind.LIMIT_TRIPPED, strategy, scope + " tripped " + block.limit() + ": "
                        + block.reason(), fields, Instant.now());
    }

    /** What the database says now; a stored limit that no longer parses is logged and left out. */
    static RiskSettings read(RiskRepository repository) {
        Map<Scope, Map<String, String>> values = new HashMap<>();
        for (RiskRepository.StoredLimit limit : repository.limits()) {
            values.computeIfAbsent(new Scope(Scope.Kind.ofCode(limit.scopeKind()), limit.scopeName()),
                    s -> new HashMap<>()).put(limit.key(), limit.value());
        }
        Map<Scope, Limits> limits = new HashMap<>();
        values.forEach((scope, stored) -> {
            try {
                limits.put(scope, Limits.of(scope.kind(), stored));
            } catch (IllegalArgumentException e) {
                log.error("stored risk limits of {} ignored: {}", scope, e.getMessage());
            }
        });
        List<Block> blocks = new ArrayList<>();
        for (RiskRepository.StoredBlock b : repository.blocks()) {
            blocks.add(new Block(b.id(), scope(b.scopeKind(), b.scopeName()), b.limitKey(), b.reason(), b.value(),
                    b.threshold(), b.at(), b.until(), b.flatten()));
        }
        Map<Scope, java.time.Instant> resumes = new HashMap<>();
        repository.resumes().forEach(r -> resumes.put(scope(r.scopeKind(), r.scopeName()), r.at()));
        return new RiskSettings(limits, blocks, resumes);
    }

    static Scope scope(String kind, String name) {
        Scope.Kind k = Scope.Kind.ofCode(kind);
        return k == Scope.Kind.ALL ? Scope.ALL : new Scope(k, name);
    }
}
