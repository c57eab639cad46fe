package bot.cli;

import bot.app.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The text of a {@code --config-file}, or a one-line refusal naming the option. */
final class ConfigFile {
    private ConfigFile() {
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputException("--config-file: " + file + " does not exist");
        } catch (IOException e) {
            throw new InputException("--config-file: cannot read " + file + ": " + e.getMessage());
        }
    }
}
