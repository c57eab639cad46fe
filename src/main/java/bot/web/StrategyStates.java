package bot.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the daemon says of its strategies: each supervisor's phase (PREPARING ... RUNNING,
 * WAITING_TO_RETRY) and each started runner's state (RUNNING, HALTED, FAILED, STOPPED).
 */
public interface StrategyStates {
    StrategyStates NONE = new StrategyStates() {
        @Override
        public Map<String, String> phases() {
            return Map.of();
        }

        @Override
        public Map<String, String> runnerStates() {
            return Map.of();
        }
    };

    Map<String, String> phases();

    Map<String, String> runnerStates();

    /** One state per strategy: the runner's once it runs, else the phase of its way up. */
    default Map<String, String> current() {
        Map<String, String> states = new LinkedHashMap<>(phases());
        Map<String, String> runners = runnerStates();
        states.replaceAll((name, phase) -> "RUNNING".equals(phase) && runners.containsKey(name) ? runners.get(name) : phase);
        runners.forEach(states::putIfAbsent);
        return states;
    }
}
