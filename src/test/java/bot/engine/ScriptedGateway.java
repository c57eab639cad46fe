package bot.engine;

import bot.domain.ExecutionReport;
import bot.domain.Fill;
import bot.domain.OrderRequest;
import bot.domain.OrderStatus;
import bot.domain.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fake exchange whose answers can get lost: each submit follows the next step of a script, and
 * lookups may answer UNKNOWN a number of times before telling the truth. It counts executions.
 */
final class ScriptedGateway implements OrderGateway {
    enum Submit { FILL, FILL_BUT_LOSE_ANSWER, LOSE, REJECT }

    static final Instant TIME = Instant.parse("2019-10-11T00:00:00Z");

    private final Deque<Submit> script = new ArrayDeque<>();
    final Map<String, ExecutionReport> executed = new LinkedHashMap<>();
    final List<String> submitted = new ArrayList<>();
    int unknownLookups;
    /** Called at each lookup, before it is answered. */
    volatile Runnable onLookup = () -> { };
    /** BUY commissions in the base asset (0.1% of the quantity) instead of the quote asset. */
    boolean buyFeeInBase;

    ScriptedGateway then(Submit... steps) {
        script.addAll(List.of(steps));
        return this;
    }

    @Override
    public ExecutionReport submit(OrderRequest request) {
        submitted.add(request.clientOrderId());
        Submit step = script.isEmpty() ? Submit.FILL : script.poll();
        if (step == Submit.REJECT) {
            return new ExecutionReport(request.clientOrderId(), OrderStatus.REJECTED, null, BigDecimal.ZERO,
                    BigDecimal.ZERO, List.of(), "Account has insufficient balance for requested action.", TIME);
        }
        if (step != Submit.LOSE) {
            executed.put(request.clientOrderId(), filled(request));
        }
        return step == Submit.FILL ? executed.get(request.clientOrderId()) : unknown(request.clientOrderId());
    }

    @Override
    public Optional<ExecutionReport> lookup(String symbol, String clientOrderId) {
        onLookup.run();
        if (unknownLookups > 0) {
            unknownLookups--;
            return Optional.of(unknown(clientOrderId));
        }
        return Optional.ofNullable(executed.get(clientOrderId));
    }

    private ExecutionReport filled(OrderRequest r) {
        BigDecimal price = r.signalPrice();
        BigDecimal quote = price.multiply(r.quantity());
        boolean base = buyFeeInBase && r.side() == Side.BUY;
        BigDecimal fee = base ? r.quantity().multiply(new BigDecimal("0.001")) : quote.multiply(new BigDecimal("0.001"));
        Fill fill = new Fill("t-" + r.clientOrderId(), price, r.quantity(), fee, base ? "BTC" : "USDT", TIME);
        return new ExecutionReport(r.clientOrderId(), OrderStatus.FILLED, "x-" + r.clientOrderId(), r.quantity(), quote,
                List.of(fill), null, TIME);
    }

    private static ExecutionReport unknown(String clientOrderId) {
        return new ExecutionReport(clientOrderId, OrderStatus.UNKNOWN, null, BigDecimal.ZERO, BigDecimal.ZERO, List.of(),
                "timeout", TIME);
    }
}
