package bot.execution.binance;

import bot.rest.RestWeights;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The checks of {@code bot doctor} for one account: clock offset, the keys' rights, a symbol's status. */
public final class BinanceDiagnostics {

    /** One check's outcome, with a line a person can act on. */
    public record Finding(String check, boolean ok, String detail) {
    }

    private final BinanceRestClient client;

    public BinanceDiagnostics(BinanceRestClient client) {
        this.client = client;
    }

    /** The offset between this machine's clock and Binance's, at most {@code tolerance} either way. */
    public Finding clockOffset(Duration tolerance) {
        try {
            long offset = client.syncTime();
            return new Finding("clock", Math.abs(offset) <= tolerance.toMillis(),
                    "this clock is " + Math.abs(offset) + " ms " + (offset > 0 ? "behind" : "ahead of") + " Binance's");
        } catch (BinanceException e) {
            return new Finding("clock", false, "Binance's time could not be read: " + e.getMessage());
        }
    }

    /** A signed {@code GET /api/v3/account}: the keys work from this IP and may trade spot. */
    public Finding keys() {
        try {
            JsonNode account = client.signedGet("/api/v3/account", Map.of("omitZeroBalances", "true"), RestWeights.ACCOUNT);
            List<String> permissions = new ArrayList<>();
            account.path("permissions").forEach(p -> permissions.add(p.asText()));
            boolean canTrade = account.path("canTrade").asBoolean(false);
            return new Finding("keys", canTrade, (canTrade ? "the keys may trade" : "the keys may not trade: enable Spot trading")
                    + ", permissions " + permissions + ", withdrawals " + (account.path("canWithdraw").asBoolean() ? "ENABLED: disable them" : "disabled"));
        } catch (BinanceRejectedException e) {
            return new Finding("keys", false, "Binance refused the keys: " + e.code() + " " + e.error().msg());
        } catch (BinanceUnavailableException e) {
            return new Finding("keys", false, "the account could not be read: " + e.getMessage());
        }
    }

    /** The symbol is listed and TRADING. */
    public Finding symbolTrading(String symbol) {
        String check = "symbol " + symbol;
        try {
            JsonNode info = client.get("/api/v3/exchangeInfo", Map.of("symbol", symbol), RestWeights.EXCHANGE_INFO);
            for (JsonNode s : info.path("symbols")) {
                if (s.path("symbol").asText().equals(symbol)) {
                    String status = s.path("status").asText();
                    return new Finding(check, status.equals("TRADING"), "status " + status);
                }
            }
            return new Finding(check, false, "not listed");
        } catch (BinanceException e) {
            return new Finding(check, false, e instanceof BinanceRejectedException r ? r.error().msg() : e.getMessage());
        }
    }
}
