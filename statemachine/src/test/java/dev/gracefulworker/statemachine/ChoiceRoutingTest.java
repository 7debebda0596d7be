package dev.gracefulworker.statemachine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gracefulworker.contract.DrainStatus;
import dev.gracefulworker.contract.FailurePolicy;
import dev.gracefulworker.contract.LifecycleResult;
import dev.gracefulworker.contract.LivenessVerdict;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Optional;

import static dev.gracefulworker.statemachine.WorkflowStates.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Every value a handler can return, and every setting a Choice reads, has a rule of its own in the definition. */
class ChoiceRoutingTest {

    private static WorkflowSynth defaults;

    @BeforeAll
    static void synthesize() {
        defaults = WorkflowSynth.of(props -> props);
    }

    static List<DrainStatus> statusesCheckPodsReports() {
        return DrainStatus.reportedByCheckPods();
    }

    @ParameterizedTest
    @MethodSource("statusesCheckPodsReports")
    void everyStatusCheckPodsReports_isRoutedByDoneWaiting(DrainStatus status) {
        assertThat(ruleFor(DONE_WAITING, "$.poll.status", status.name()))
                .as("a rule for %s in '%s'", status, DONE_WAITING).isPresent();
    }

    @ParameterizedTest
    @EnumSource(DrainStatus.class)
    void eachStatus_leadsWhereWorkflowMdSays(DrainStatus status) {
        String expected = switch (status) {
            case DRAINED -> COMPLETE_DRAINED;
            case DEADLINE_PASSED -> COMPLETE_MAX_WAIT_REACHED;
            case ACTION_ENDED -> COMPLETE_ACTION_ALREADY_ENDED;
            case WAITING -> WAIT_BEFORE_NEXT_CHECK;
            // only "Start the clock" writes it, and "Done waiting?" never sees it
            case NOT_STARTED -> null;
        };
        assertThat(defaults.state(DONE_WAITING).path("Default").asText()).as("an unknown status")
                .isEqualTo(UNEXPECTED_TASK_RESULT);
        assertThat(ruleFor(DONE_WAITING, "$.poll.status", status.name()).map(rule -> rule.path("Next").asText()))
                .isEqualTo(Optional.ofNullable(expected));
    }

    @ParameterizedTest
    @EnumSource(LivenessVerdict.class)
    void everyLivenessVerdict_isRoutedByAnythingToDrain(LivenessVerdict verdict) {
        String expected = verdict == LivenessVerdict.DRAIN ? KEEP_THE_HOOK_ALIVE : COMPLETE_NOTHING_TO_DRAIN;

        assertThat(ruleFor(ANYTHING_TO_DRAIN, "$.target.verdict", verdict.name()).map(rule -> rule.path("Next").asText()))
                .contains(expected);
    }

    @ParameterizedTest
    @EnumSource(FailurePolicy.class)
    void everyFailurePolicy_eitherHasItsRuleOrIsALifecycleResultTheCompletionSends(FailurePolicy policy) {
        var rule = ruleFor(FAILURE_POLICY, "$.settings.onFailure", policy.name());
        if (rule.isPresent()) {
            assertThat(rule.get().path("Next").asText()).isEqualTo(LEFT_TO_HOOK_TIMEOUT);
        } else {
            // the Default completes the action with $.settings.onFailure as its result
            assertThat(defaults.state(FAILURE_POLICY).path("Default").asText()).isEqualTo(COMPLETE_AFTER_FAILURE);
            assertThat(LifecycleResult.valueOf(policy.name())).isNotNull();
        }
    }

    /** The rule comparing {@code variable} with {@code value}, alone or as the first condition of an And. */
    private static Optional<JsonNode> ruleFor(String choice, String variable, String value) {
        for (JsonNode rule : defaults.state(choice).path("Choices")) {
            JsonNode comparison = rule.has("And") ? rule.path("And").get(0) : rule;
            if (comparison.path("Variable").asText().equals(variable)
                    && comparison.path("StringEquals").asText().equals(value)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }
}
