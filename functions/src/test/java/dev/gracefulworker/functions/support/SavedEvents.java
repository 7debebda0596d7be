package dev.gracefulworker.functions.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The saved inputs in statemachine/events (one copy, shared with the state machine and the e2e runs). */
public final class SavedEvents {

    private SavedEvents() {}

    public static Path dir() {
        return Path.of(System.getProperty("events.dir", "../statemachine/events"));
    }

    public static String read(String name) {
        try {
            return Files.readString(dir().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
