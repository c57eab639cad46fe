package bot.testing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The exchange's books behind {@link FakeBinanceExchange}: accounts with balances, MARKET orders
 * filled at a settable price with the commission charged in what the account receives (base asset
 * for a BUY, quote asset for a SELL), or in a third asset (BNB) when the account holds enough of it
 * and that asset has a price in the quote asset ({@link #payCommissionsIn}), and Binance's order
 * checks and error messages.
 */
final class FakeMatchingEngine {
    private static final int SCALE = 8;

    private final Map<String, FakeSymbolFilters> symbols;
    private final Map<String, Account> accounts = new HashMap<>();
    private final Map<String, BigDecimal> prices = new HashMap<>();
    private Function<String, BigDecimal> priceByClientOrderId = id -> null;
    private BigDecimal commissionRate = new BigDecimal("0.001");
    private String commissionAsset;
    private int fillsPerOrder = 1;
    private long nextOrderId = 1;
    private long nextTradeId = 1;

    /** One account's key, balances and orders (oldest first). */
    static final class Account {
        final FakeRequestAuth.Key key;
        final Map<String, BigDecimal> balances = new TreeMap<>();
        final List<FakeOrder> orders = new ArrayList<>();

        Account(FakeRequestAuth.Key key) {
            this.key = key;
        }
    }

    FakeMatchingEngine(Map<String, FakeSymbolFilters> symbols) {
        this.symbols = symbols;
    }

    void addAccount(String apiKey, FakeRequestAuth.Key key) {
        accounts.put(apiKey, new Account(key));
    }

    Account account(String apiKey) {
        return apiKey == null ? null : accounts.get(apiKey);
    }

    Map<String, Account> accounts() {
        return accounts;
    }

    void setPrice(String symbol, BigDecimal price) {
        prices.put(symbol, price);
    }

    void priceOrdersBy(Function<String, BigDecimal> byClientOrderId) {
        priceByClientOrderId = byClientOrderId;
    }

    void setCommissionRate(BigDecimal rate) {
        commissionRate = rate;
    }

    /** Commissions are charged in {@code asset} (e.g. BNB) from now on, as Binance does with "pay fees with BNB". */
    void payCommissionsIn(String asset) {
        commissionAsset = asset;
    }

    /** The price set for a symbol, null when none. */
    BigDecimal price(String symbol) {
        return prices.get(symbol);
    }

    void setFillsPerOrder(int fills) {
        fillsPerOrder = fills;
    }

    void deposit(String apiKey, String asset, BigDecimal amount) {
        accounts.get(apiKey).balances.merge(asset, amount, BigDecimal::add);
    }

    BigDecimal balance(String apiKey, String asset) {
        return accounts.get(apiKey).balances.getOrDefault(asset, BigDecimal.ZERO);
    }

    /** Places and fills a MARKET order, or throws the refusal Binance would answer. */
    FakeOrder place(Account account, String apiKey, Map<String, String> params, long now) {
        FakeSymbolFilters symbol = symbols.get(required(params, "symbol"));
        if (symbol == null) {
            throw FakeError.badRequest(-1121, "Invalid symbol.").refusal();
        }
        String side = required(params, "side");
        if (!side.equals("BUY") && !side.equals("SELL")) {
            throw FakeError.badRequest(-1100, "Illegal characters found in parameter 'side'; legal range is 'BUY, SELL'.").refusal();
        }
        if (!"MARKET".equals(required(params, "type"))) {
            throw FakeError.badRequest(-1116, "Invalid orderType.").refusal();
        }
        BigDecimal qty = quantity(required(params, "quantity"), symbol.basePrecision());
        String clientOrderId = params.getOrDefault("newClientOrderId", "fake" + nextOrderId);
        if (!clientOrderId.matches("^[a-zA-Z0-9-_]{1,36}$")) {
            throw FakeError.badRequest(-1100, "Illegal characters found in parameter 'newClientOrderId'; "
                    + "legal range is '^[a-zA-Z0-9-_]{1,36}$'.").refusal();
        }
        // an id is unique only among open orders: a filled order's id is accepted again
        if (account.orders.stream().anyMatch(o -> o.clientOrderId().equals(clientOrderId) && o.status().equals("NEW"))) {
            throw FakeError.badRequest(-2010, "Duplicate order sent.").refusal();
        }
        BigDecimal price = Optional.ofNullable(priceByClientOrderId.apply(clientOrderId))
                .orElse(prices.get(symbol.symbol()));
        if (price == null) {
            throw FakeError.badRequest(-2010, "Market is closed.").refusal();
        }
        symbol.failure(qty, price).ifPresent(filter -> {
            throw FakeError.badRequest(-1013, "Filter failure: " + filter).refusal();
        });
        boolean buy = side.equals("BUY");
        BigDecimal quote = qty.multiply(price).setScale(SCALE, RoundingMode.HALF_UP);
        BigDecimal needed = buy ? quote : qty;
        String paidAsset = buy ? symbol.quoteAsset() : symbol.baseAsset();
        if (account.balances.getOrDefault(paidAsset, BigDecimal.ZERO).compareTo(needed) < 0) {
            throw FakeError.badRequest(-2010, "Account has insufficient balance for requested action.").refusal();
        }
        long orderId = nextOrderId++;
        List<FakeTrade> trades = fill(account, symbol, orderId, buy, qty, price, now);
        BigDecimal cumQuote = trades.stream().map(FakeTrade::quoteQty).reduce(BigDecimal.ZERO, BigDecimal::add);
        FakeOrder order = new FakeOrder(apiKey, orderId, clientOrderId, symbol.symbol(), side, qty.setScale(SCALE),
                qty.setScale(SCALE), cumQuote, "FILLED", now, trades);
        account.orders.add(order);
        return order;
    }

    /** The account's latest order with this orderId or client order id. */
    Optional<FakeOrder> find(Account account, String symbol, String orderId, String clientOrderId) {
        for (int i = account.orders.size() - 1; i >= 0; i--) {
            FakeOrder o = account.orders.get(i);
            if (o.symbol().equals(symbol) && (orderId != null ? Long.toString(o.orderId()).equals(orderId)
                    : o.clientOrderId().equals(clientOrderId))) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }

    List<FakeTrade> trades(Account account, String symbol, String orderId) {
        return account.orders.stream()
                .filter(o -> o.symbol().equals(symbol) && (orderId == null || Long.toString(o.orderId()).equals(orderId)))
                .flatMap(o -> o.trades().stream())
                .toList();
    }

    private List<FakeTrade> fill(Account account, FakeSymbolFilters symbol, long orderId, boolean buy,
            BigDecimal qty, BigDecimal price, long now) {
        List<FakeTrade> trades = new ArrayList<>();
        BigDecimal piece = qty.divide(BigDecimal.valueOf(fillsPerOrder), SCALE, RoundingMode.DOWN);
        BigDecimal left = qty;
        for (int i = 0; i < fillsPerOrder && left.signum() > 0; i++) {
            BigDecimal q = i == fillsPerOrder - 1 || piece.signum() == 0 ? left : piece;
            left = left.subtract(q);
            BigDecimal quote = q.multiply(price).setScale(SCALE, RoundingMode.HALF_UP);
            BigDecimal commission = (buy ? q : quote).multiply(commissionRate).setScale(SCALE, RoundingMode.HALF_UP);
            String commissionAsset = buy ? symbol.baseAsset() : symbol.quoteAsset();
            BigDecimal thirdPrice = this.commissionAsset == null ? null : prices.get(this.commissionAsset + symbol.quoteAsset());
            BigDecimal inThird = thirdPrice == null ? null
                    : quote.multiply(commissionRate).divide(thirdPrice, SCALE, RoundingMode.HALF_UP);
            boolean third = inThird != null
                    && account.balances.getOrDefault(this.commissionAsset, BigDecimal.ZERO).compareTo(inThird) >= 0;
            if (third) {
                commission = inThird;
                commissionAsset = this.commissionAsset;
                account.balances.merge(commissionAsset, commission.negate(), BigDecimal::add);
            }
            BigDecimal baseFee = buy && !third ? commission : BigDecimal.ZERO;
            BigDecimal quoteFee = !buy && !third ? commission : BigDecimal.ZERO;
            if (buy) {
                account.balances.merge(symbol.quoteAsset(), quote.negate(), BigDecimal::add);
                account.balances.merge(symbol.baseAsset(), q.subtract(baseFee), BigDecimal::add);
            } else {
                account.balances.merge(symbol.baseAsset(), q.negate(), BigDecimal::add);
                account.balances.merge(symbol.quoteAsset(), quote.subtract(quoteFee), BigDecimal::add);
            }
            trades.add(new FakeTrade(nextTradeId++, orderId, symbol.symbol(), price.setScale(SCALE), q.setScale(SCALE),
                    quote, commission, commissionAsset, now, buy));
        }
        return trades;
    }

    private static BigDecimal quantity(String text, int precision) {
        BigDecimal qty;
        try {
            qty = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw FakeError.mandatory("quantity").refusal();
        }
        if (qty.stripTrailingZeros().scale() > precision) {
            throw FakeError.badRequest(-1111, "Parameter 'quantity' has too much precision.").refusal();
        }
        if (qty.signum() <= 0) {
            throw FakeError.badRequest(-1013, "Invalid quantity.").refusal();
        }
        return qty;
    }

    static String required(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null || value.isEmpty()) {
            throw FakeError.mandatory(name).refusal();
        }
        return value;
    }
}
