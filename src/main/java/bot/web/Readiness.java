package bot.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code /health/ready}: ready when the database answers, every strategy of the daemon runs (none
 * halted, failed, refused or still starting) and every stream delivered a closed candle within two
 * of its intervals. The answer lists every problem found, not just the first.
 */
final class Readiness {
    private final DatabaseProbe database;
    private final Supplier<StrategyStates> states;
    private final StreamWatch streams;
    private final Clock clock;

    Readiness(DatabaseProbe database, Supplier<StrategyStates> states, StreamWatch streams, Clock clock) {
        this.database = database;
        this.states = states;
        this.streams = streams;
        this.clock = clock;
    }

    record Verdict(boolean ready, Map<String, Object> body) {
    }

    Verdict check() {
        List<String> problems = new ArrayList<>();
        database.problem().ifPresent(problems::add);
        Map<String, String> current = states.get().current();
        current.forEach((name, state) -> {
            String problem = switch (state) {
                case "RUNNING" -> null;
                case "HALTED" -> "strategy " + name + " is halted (an order is in doubt or its state cannot be reconciled)";
                case "FAILED" -> "strategy " + name + " failed";
                case "WAITING_TO_RETRY" -> "strategy " + name + " was refused and waits to be tried again";
                case "STOPPED" -> "strategy " + name + " is stopped";
                default -> "strategy " + name + " is starting (" + state.toLowerCase(java.util.Locale.ROOT) + ")";
            };
            if (problem != null) {
                problems.add(problem);
            }
        });
        problems.addAll(streams.silent(clock.instant()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ready", problems.isEmpty());
        body.put("problems", problems);
        body.put("strategies", current);
        return new Verdict(problems.isEmpty(), body);
    }
}
