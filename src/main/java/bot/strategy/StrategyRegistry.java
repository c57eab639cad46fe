package bot.strategy;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The strategy kinds on a class path, by name. The caller picks the class loader (plugins). */
public final class StrategyRegistry {
    private final Map<String, StrategyKind> kinds;

    private StrategyRegistry(Map<String, StrategyKind> kinds) {
        this.kinds = Collections.unmodifiableMap(kinds);
    }

    public static StrategyRegistry load(ClassLoader loader) {
        Map<String, StrategyKind> kinds = new TreeMap<>();
        for (StrategyKind kind : ServiceLoader.load(StrategyKind.class, loader)) {
            StrategyKind previous = kinds.putIfAbsent(kind.name(), kind);
            if (previous != null && previous.getClass() != kind.getClass()) {
                throw new IllegalStateException("two strategy kinds are named " + kind.name() + ": "
                        + previous.getClass().getName() + " and " + kind.getClass().getName());
            }
        }
        return new StrategyRegistry(kinds);
    }

    public Optional<StrategyKind> find(String name) {
        return Optional.ofNullable(kinds.get(name));
    }

    /** The kind named {@code name}, or an error that lists the known ones. */
    public StrategyKind require(String name) {
        StrategyKind kind = kinds.get(name);
        if (kind == null) {
            throw new IllegalArgumentException("unknown kind '" + name + "', known kinds: "
                    + (kinds.isEmpty() ? "none" : String.join(", ", kinds.keySet())));
        }
        return kind;
    }

    public Map<String, StrategyKind> kinds() {
        return kinds;
    }
}
