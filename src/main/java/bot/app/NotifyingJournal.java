package bot.app;

import bot.domain.ExecutionReport;
import bot.domain.OrderRequest;
import bot.engine.ForwardingJournal;
import bot.engine.Journal;
import bot.engine.Settlement;
import bot.engine.StrategyIdentity;
import bot.notify.Notice;
import bot.notify.Notifier;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The journal, telling the notifier of each order that ends having executed something, once the
 * journal has recorded it: the fill notification comes from the one place every fill goes through,
 * and costs the runner only an offer to the notifier's queue.
 */
public final class NotifyingJournal extends ForwardingJournal {
    private final Notifier notifier;
    /** Orders opened by this process and not final yet: whose they are and what they ask. */
    private final Map<Long, Opened> opened = new ConcurrentHashMap<>();

    private record Opened(StrategyIdentity strategy, OrderRequest request) {
    }

    public NotifyingJournal(Journal journal, Notifier notifier) {
        super(journal);
        this.notifier = notifier;
    }

    @Override
    public Optional<Long> open(StrategyIdentity strategy, OrderRequest request, int attempt) {
        Optional<Long> id = super.open(strategy, request, attempt);
        id.ifPresent(orderId -> opened.put(orderId, new Opened(strategy, request)));
        return id;
    }

    @Override
    public void record(Settlement settlement) {
        super.record(settlement);
        ExecutionReport report = settlement.report();
        if (!report.status().isTerminal()) {
            return;
        }
        Opened order = opened.remove(settlement.orderId());
        if (report.executedQty().signum() > 0) {
            notifier.publish(fill(order, report));
        }
    }

    private static Notice fill(Opened order, ExecutionReport report) {
        Map<String, Object> fields = new LinkedHashMap<>();
        String strategy = order == null ? null : order.strategy().name();
        String side = order == null ? "order" : order.request().side().name();
        String symbol = order == null ? "" : order.request().symbol();
        fields.put("clientOrderId", report.clientOrderId());
        fields.put("status", report.status().name());
        fields.put("qty", report.executedQty().toPlainString());
        String price = report.averagePrice() == null ? null : report.averagePrice().toPlainString();
        fields.put("price", price);
        if (order != null) {
            fields.put("side", side);
            fields.put("symbol", symbol);
            fields.put("mode", order.strategy().mode().code());
        }
        String text = (strategy == null ? "" : strategy + ": ") + side + " " + report.executedQty().toPlainString()
                + (symbol.isEmpty() ? "" : " " + symbol) + " at " + price + " (" + report.status().name()
                + (order == null ? "" : ", " + order.strategy().mode().code()) + ", " + report.clientOrderId() + ")";
        return new Notice(Notice.Kind.FILL, strategy, text, fields,
                report.time() == null ? java.time.Instant.EPOCH : report.time());
    }
}
