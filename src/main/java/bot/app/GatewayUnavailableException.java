package bot.app;

/** A strategy's gateway cannot be made (e.g. live trading without keys); the message says why. */
public final class GatewayUnavailableException extends RuntimeException {
    public GatewayUnavailableException(String message) {
        super(message);
    }
}
