package dev.gracefulworker.cdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code cfn-lint} (the CloudFormation linter, which checks every property against the resource schemas) on a
 * synthesized template. A missing cfn-lint fails the test with the install hint: it never skips.
 */
final class CfnLint {

    static final String INSTALL_HINT = "cfn-lint is not on PATH: install it with 'pip install cfn-lint' "
            + "(.ci/run does it when it is missing), or point the environment variable CFN_LINT at it";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One finding: rule id (E…, W…, I…), level, message and where. */
    record Finding(String rule, String level, String message, String path) {
        @Override
        public String toString() {
            return rule + " " + path + ": " + message;
        }
    }

    private final String command;

    CfnLint(String command) {
        this.command = command;
    }

    /** {@code $CFN_LINT}, else {@code cfn-lint} on PATH. */
    static CfnLint onPath() {
        return new CfnLint(Optional.ofNullable(System.getenv("CFN_LINT")).orElse("cfn-lint"));
    }

    /** Every finding on the template (errors, warnings and informational), for the stack's region eu-west-1. */
    List<Finding> lint(Path template) {
        Process process;
        try {
            process = new ProcessBuilder(command, "--format", "json", "--regions", "eu-west-1", "--", template.toString())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new AssertionError(INSTALL_HINT + " (" + e.getMessage() + ")", e);
        }
        try {
            String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("cfn-lint did not finish within 120 s on " + template);
            }
            // exit codes: 0 clean, bit 2 errors, 4 warnings, 8 informational; other values are cfn-lint failing
            int exit = process.exitValue();
            if ((exit & ~(2 | 4 | 8)) != 0) {
                throw new AssertionError("cfn-lint failed (exit " + exit + ") on " + template + ": " + stdout);
            }
            var findings = new ArrayList<Finding>();
            for (JsonNode match : JSON.readTree(stdout)) {
                findings.add(new Finding(match.at("/Rule/Id").asText(), match.path("Level").asText(),
                        match.path("Message").asText(), match.at("/Location/Path").toString()));
            }
            return findings;
        } catch (IOException e) {
            throw new AssertionError("cfn-lint's output could not be read: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while cfn-lint ran", e);
        }
    }

    /** Writes the synthesized template under target/ and lints it. */
    List<Finding> lint(StackSynth synth, String name) {
        try {
            Path file = Path.of("target", "cfn-lint", name + ".template.json").toAbsolutePath();
            Files.createDirectories(file.getParent());
            JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), synth.templateJson());
            return lint(file);
        } catch (IOException e) {
            throw new AssertionError("could not write the template " + name + ": " + e.getMessage(), e);
        }
    }
}
