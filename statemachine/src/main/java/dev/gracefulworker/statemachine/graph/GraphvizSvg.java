package dev.gracefulworker.statemachine.graph;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Graphviz's {@code dot -Tsvg}: lays out DOT text and draws it as SVG. */
public final class GraphvizSvg {

    /** What to do when {@code dot} is not on the PATH. */
    public static final String INSTALL_HINT = "Graphviz's dot is not installed: apt-get install -y graphviz";

    private GraphvizSvg() {
    }

    /** The SVG of the DOT text; fails with {@link #INSTALL_HINT} when Graphviz is missing. */
    public static String render(String dot) {
        Process process;
        try {
            process = new ProcessBuilder("dot", "-Tsvg").start();
        } catch (IOException notInstalled) {
            throw new IllegalStateException(INSTALL_HINT, notInstalled);
        }
        try {
            // dot reads all of its input before it writes: no need for a second thread
            try (OutputStream in = process.getOutputStream()) {
                in.write(dot.getBytes(StandardCharsets.UTF_8));
            }
            String svg = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("dot -Tsvg failed: " + errors.strip());
            }
            return svg;
        } catch (IOException e) {
            throw new IllegalStateException("dot -Tsvg failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dot -Tsvg ran", e);
        }
    }
}
