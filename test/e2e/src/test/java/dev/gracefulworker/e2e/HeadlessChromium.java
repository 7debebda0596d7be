package dev.gracefulworker.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/**
 * Debian's Chromium, headless, on a local page: the DOM after the page loaded, and a screenshot. Each call uses a fresh
 * profile in {@code workDir} and talks to no network service. A missing Chromium fails the test: the page is only
 * proven by a browser.
 */
record HeadlessChromium(Path workDir) {

    private static final String BINARY = "chromium";
    private static final long TIMEOUT_SECONDS = 120;

    /** The page's DOM as the browser built it. */
    String dumpDom(Path page) throws IOException, InterruptedException {
        return run(page, "--dump-dom");
    }

    /** A PNG of the page in a window of the given size. */
    Path screenshot(Path page, Path png, int width, int height) throws IOException, InterruptedException {
        run(page, "--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height);
        return png;
    }

    private String run(Path page, String... action) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(workDir, "chromium-profile");
        List<String> command = new ArrayList<>(List.of(BINARY, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + profile));
        command.addAll(List.of(action));
        command.add(page.toUri().toString());
        Path stdout = workDir.resolve("chromium.out");
        Path stderr = workDir.resolve("chromium.err");
        Process process;
        try {
            process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        } catch (IOException notInstalled) {
            return fail("Chromium is not installed (no '%s' on the PATH): apt-get install -y chromium", BINARY);
        }
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return fail("chromium did not finish within %d s: %s", TIMEOUT_SECONDS, Files.readString(stderr));
        }
        if (process.exitValue() != 0) {
            return fail("chromium exited with %d: %s", process.exitValue(), Files.readString(stderr));
        }
        return Files.readString(stdout);
    }
}
