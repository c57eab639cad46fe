package bot.market;

import java.io.IOException;
import java.time.Duration;

/** An HTTP error answer of Binance's REST API: status, Binance's error code and message, Retry-After. */
public final class MarketRestException extends IOException {
    private final int status;
    private final int code;
    private final Duration retryAfter;

    public MarketRestException(String message, int status, int code, Duration retryAfter) {
        super(message);
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    /** Binance's error code ({@code -1121} ...), or 0 when the body carried none. */
    public int code() {
        return code;
    }

    /** The server's Retry-After, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** 5xx, 429 (rate limit) and 418 (banned for a while) pass; other 4xx are our mistake. */
    public boolean retryable() {
        return status >= 500 || status == 429 || status == 418;
    }
}
