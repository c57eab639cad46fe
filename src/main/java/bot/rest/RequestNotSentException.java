package bot.rest;

import java.io.IOException;

/**
 * The request never left the process: its host's budget kept it back longer than a caller may
 * wait, or the wait was interrupted. It certainly had no effect at the exchange.
 */
public final class RequestNotSentException extends IOException {

    public RequestNotSentException(String message, Throwable cause) {
        super(message, cause);
    }
}
