package bot.testing;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Which fault, if any, {@link FakeBinanceExchange} applies to the next request: planned ones first, then random ones. */
final class FakeFaultPlan {
    private final Map<String, Deque<FakeFault>> planned = new HashMap<>();
    private Random random;
    private double probability;
    private List<FakeFault> randomFaults = List.of();
    private String randomRoute;

    /** The next requests to {@code route} ({@code "POST /api/v3/order"}) each meet one of these, in order. */
    void planNext(String route, List<FakeFault> faults) {
        planned.computeIfAbsent(route, k -> new ArrayDeque<>()).addAll(faults);
    }

    /** From now on each request to {@code route} meets, with this probability, one of the faults picked at random. */
    void atRandom(String route, long seed, double chance, List<FakeFault> faults) {
        random = new Random(seed);
        probability = chance;
        randomFaults = List.copyOf(faults);
        randomRoute = route;
    }

    /** The fault for a request to {@code route} arriving now, or null. */
    FakeFault next(String route) {
        Deque<FakeFault> queue = planned.get(route);
        if (queue != null && !queue.isEmpty()) {
            return queue.poll();
        }
        if (route.equals(randomRoute) && random.nextDouble() < probability) {
            return randomFaults.get(random.nextInt(randomFaults.size()));
        }
        return null;
    }
}
