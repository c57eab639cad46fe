package bot.execution.binance;

/** A request to Binance that did not succeed: either refused, or with an unknown outcome. */
public abstract sealed class BinanceException extends RuntimeException
        permits BinanceRejectedException, BinanceUnavailableException {

    BinanceException(String message, Throwable cause) {
        super(message, cause);
    }
}
