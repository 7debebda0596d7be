package dev.gracefulworker.statemachine.graph;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the picture of the exported definition: {@code RenderWorkflowPicture <asl.json> <dot> <svg>} (see
 * {@link WorkflowPicture#REGENERATE_COMMAND}).
 */
public final class RenderWorkflowPicture {

    private RenderWorkflowPicture() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: RenderWorkflowPicture <definition.asl.json> <" + WorkflowPicture.DOT_FILE_NAME
                    + "> <" + WorkflowPicture.SVG_FILE_NAME + ">");
            System.exit(2);
        }
        String dot = WorkflowPicture.dotOf(new ObjectMapper().readTree(Path.of(args[0]).toFile()));
        String svg;
        try {
            svg = WorkflowPicture.svgOf(dot);
        } catch (IllegalStateException e) {
            System.err.println("render-graph: " + e.getMessage());
            System.exit(1);
            return;
        }
        write(Path.of(args[1]), dot);
        write(Path.of(args[2]), svg);
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text);
        System.out.println("Wrote " + file.toAbsolutePath().normalize());
    }
}
