package dev.gracefulworker.statemachine.graph;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gracefulworker.statemachine.ExportedDefinition;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class WorkflowPictureTest {

    private static final Path DEFINITION = Path.of(System.getProperty("exported.definition", ExportedDefinition.FILE_NAME));
    private static final Path DOT = Path.of(System.getProperty("workflow.dot", WorkflowPicture.DOT_FILE_NAME));
    private static final Path SVG = Path.of(System.getProperty("workflow.svg", WorkflowPicture.SVG_FILE_NAME));

    @Test
    void checkedInPicture_isDrawnFromTheExportedDefinition() throws Exception {
        String fresh = WorkflowPicture.dotOf(new ObjectMapper().readTree(DEFINITION.toFile()));
        String regenerate = "%s is out of date with %s: regenerate the picture from the repository root with%n  %s%n";

        assertThat(DOT).as("the picture's DOT source").exists();
        assertThat(Files.readString(DOT)).as(regenerate, DOT, DEFINITION.getFileName(), WorkflowPicture.REGENERATE_COMMAND)
                .isEqualTo(fresh);
        assertThat(SVG).as("the picture").exists();
        assertThat(Files.readString(SVG)).as(regenerate, SVG, DEFINITION.getFileName(), WorkflowPicture.REGENERATE_COMMAND)
                .contains(WorkflowPicture.sourceMark(fresh));
    }
}
