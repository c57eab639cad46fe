package bot.market;

import java.io.IOException;

/** An HTTP error answer of Binance's REST API: status, Binance's error code and message. */
public final class MarketRestException extends IOException {
    private final int status;
    private final int code;

    public MarketRestException(String message, int status, int code) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    /** Binance's error code ({@code -1121} ...), or 0 when the body carried none. */
    public int code() {
        return code;
    }

    /** 5xx, 429 (rate limit) and 418 (banned for a while) pass; other 4xx are our mistake. */
    public boolean retryable() {
        return status >= 500 || status == 429 || status == 418;
    }
}
