package dev.gracefulworker.statemachine;

import dev.gracefulworker.contract.WorkflowFunction;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ExportedDefinitionTest {

    @Test
    void checkedInDefinition_matchesAFreshSynth() throws Exception {
        Path file = Path.of(System.getProperty("exported.definition", ExportedDefinition.FILE_NAME));

        String fresh = ExportedDefinition.render(ExportedDefinition.synthesize());

        assertThat(file).as("the exported definition").exists();
        assertThat(Files.readString(file))
                .as("%s is out of date with the construct: regenerate it from the repository root with%n  %s%n",
                        file, ExportedDefinition.REGENERATE_COMMAND)
                .isEqualTo(fresh);
    }

    @Test
    void exportedDefinition_usesThePlaceholderArnOfEachFunctionAndItsAlias() throws Exception {
        String exported = ExportedDefinition.render(ExportedDefinition.synthesize());

        for (WorkflowFunction function : WorkflowFunction.tasks()) {
            assertThat(exported).contains("\"Resource\": \"arn:aws:lambda:eu-west-1:111122223333:function:"
                    + function.placeholderName() + ":live\"");
        }
    }
}
