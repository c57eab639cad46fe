package bot.app;

/** Bad input from a person (an argument, a file, a parameter): exit code 2, nothing written. */
public class InputException extends RuntimeException {
    public InputException(String message) {
        super(message);
    }
}
