package dev.gracefulworker.statemachine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the exported definition: {@code ExportDefinition <file>} (see {@link ExportedDefinition#REGENERATE_COMMAND}). */
public final class ExportDefinition {

    private ExportDefinition() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ExportDefinition <path of " + ExportedDefinition.FILE_NAME + ">");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        Files.writeString(file, ExportedDefinition.render(ExportedDefinition.synthesize()));
        System.out.println("Wrote " + file.toAbsolutePath().normalize());
    }
}
