package bot.app;

/**
 * A secret as a person gave it, with where it came from ({@code --api-secret-file}, standard
 * input, the prompt) so an error can name the source without showing the value.
 */
public record Secret(String value, String source) {

    @Override
    public String toString() {
        return "Secret[from " + source + "]";
    }
}
