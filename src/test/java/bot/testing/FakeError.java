package bot.testing;

/** An error answer of {@link FakeBinanceExchange}: HTTP status and Binance's code and message. */
record FakeError(int httpStatus, int code, String msg) {

    static FakeError badRequest(int code, String msg) {
        return new FakeError(400, code, msg);
    }

    static FakeError mandatory(String parameter) {
        return badRequest(-1102, "Mandatory parameter '" + parameter + "' was not sent, was empty/null, or malformed.");
    }

    Refusal refusal() {
        return new Refusal(this);
    }

    /** Thrown inside the fake to answer with the error. */
    static final class Refusal extends RuntimeException {
        final FakeError error;

        Refusal(FakeError error) {
            super(error.msg(), null, false, false);
            this.error = error;
        }
    }
}
