package bot.engine;

import bot.domain.ExecutionReport;
import bot.domain.OrderRequest;
import java.util.Optional;

/** Where orders go: the paper simulator or the exchange. Chosen at wiring, never by an {@code if}. */
public interface OrderGateway {

    /**
     * Places the order. Never throws for an exchange answer: a rejection is a REJECTED report, an
     * outcome that could not be learned is an UNKNOWN one.
     */
    ExecutionReport submit(OrderRequest request);

    /**
     * Looks an order up by its client order id: its report, empty when the exchange says it does
     * not exist, or an UNKNOWN report when that cannot be learned now.
     */
    Optional<ExecutionReport> lookup(String symbol, String clientOrderId);
}
