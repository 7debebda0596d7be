package dev.gracefulworker.statemachine.graph;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The checked-in picture of the exported definition: its DOT source and the SVG Graphviz draws from it. The staleness
 * test compares the DOT, which our own code writes byte for byte; the SVG is not compared because its bytes depend on
 * the Graphviz version and the fonts of the machine. Instead the SVG records the SHA-256 of the DOT it was drawn from,
 * so an SVG left behind after the DOT changed is caught too.
 */
public final class WorkflowPicture {

    /** The checked-in DOT source, in the statemachine folder. */
    public static final String DOT_FILE_NAME = "graceful-worker-terminator.dot";
    /** The checked-in SVG, in the statemachine folder. */
    public static final String SVG_FILE_NAME = "graceful-worker-terminator.svg";
    /** The command that rewrites both from the exported definition, from the repository root (needs Graphviz). */
    public static final String REGENERATE_COMMAND = "./mvnw -q -B -pl statemachine -am compile exec:java@render-graph";

    private WorkflowPicture() {
    }

    /** The DOT source of a definition's plain picture. */
    public static String dotOf(JsonNode definition) {
        return DotRenderer.render(StateGraph.of(definition));
    }

    /** The SVG drawn from the DOT source, marked with {@link #sourceMark(String)} after the XML declaration. */
    public static String svgOf(String dot) {
        String svg = GraphvizSvg.render(dot);
        int afterDeclaration = svg.startsWith("<?xml") ? svg.indexOf('\n') + 1 : 0;
        return svg.substring(0, afterDeclaration) + sourceMark(dot) + "\n" + svg.substring(afterDeclaration);
    }

    /** The comment that names the DOT source an SVG was drawn from, and how to draw it again. */
    public static String sourceMark(String dot) {
        return "<!-- drawn by Graphviz from " + DOT_FILE_NAME + " (sha256 " + sha256(dot) + "); regenerate with "
                + REGENERATE_COMMAND + " -->";
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
