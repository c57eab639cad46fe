package bot.app;

import bot.engine.RiskBook;
import bot.risk.Block;
import bot.risk.Limits;
import bot.risk.RiskSettings;
import bot.risk.Scope;
import bot.store.RiskRepository;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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

    public RiskUpdates(Jdbi jdbi, RiskBook book) {
        this.repository = new RiskRepository(jdbi);
        this.book = book;
    }

    @Override
    public void run() {
        book.apply(read(repository));
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
