package bot.strategy;

/** A strategy parameter that is unknown, missing, malformed or out of range; names the parameter. */
public final class InvalidParameterException extends IllegalArgumentException {
    private final String parameter;

    public InvalidParameterException(String parameter, String problem) {
        super("parameter " + parameter + ": " + problem);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
