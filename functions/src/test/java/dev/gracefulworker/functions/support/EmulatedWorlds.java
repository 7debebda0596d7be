package dev.gracefulworker.functions.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Starts {@link Emulated} worlds for a test and closes them (and their temp files) after it. */
public final class EmulatedWorlds implements AfterEachCallback {

    private final List<Emulated> started = new ArrayList<>();
    private final List<Path> dirs = new ArrayList<>();

    public Emulated start(String scenarioYaml) {
        try {
            Path dir = Files.createTempDirectory("emulated");
            dirs.add(dir);
            Emulated world = Emulated.start(scenarioYaml, dir);
            started.add(world);
            return world;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A directory removed after the test, for files a test writes itself. */
    public Path dir() {
        try {
            Path dir = Files.createTempDirectory("emulated");
            dirs.add(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        started.forEach(Emulated::close);
        started.clear();
        for (Path dir : dirs) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
        dirs.clear();
    }
}
