package dev.gracefulworker.bench.cost;

import java.util.List;

/**
 * A sequence of states an execution runs through, checked against the definition: each step must be a
 * transition the definition allows. Step Functions bills one state transition per state entered.
 */
public record StatePath(List<WorkflowDefinition.State> states) {

    public StatePath {
        states = List.copyOf(states);
    }

    /** The states called {@code names}, in order; fails naming the first step the definition does not allow. */
    public static StatePath through(WorkflowDefinition definition, List<String> names) {
        List<WorkflowDefinition.State> states = names.stream().map(definition::state).toList();
        for (int i = 0; i + 1 < states.size(); i++) {
            requireStep(states.get(i), states.get(i + 1).name());
        }
        return new StatePath(states);
    }

    /** As {@link #through}, and the last state must lead back to the first: one iteration of a loop. */
    public static StatePath loop(WorkflowDefinition definition, List<String> names) {
        StatePath path = through(definition, names);
        requireStep(path.states.getLast(), path.states.getFirst().name());
        return path;
    }

    public int transitions() {
        return states.size();
    }

    public int lambdaInvocations() {
        return (int) states.stream().filter(WorkflowDefinition.State::invokesLambda).count();
    }

    /** How many times the path runs the state called {@code name}. */
    public int visits(String name) {
        return (int) states.stream().filter(s -> s.name().equals(name)).count();
    }

    /** History events the states write (the execution's own start and end events are not included). */
    public int historyEvents() {
        return states.stream().mapToInt(StatePath::historyEvents).sum();
    }

    /**
     * Events each state writes: entered + exited, and a task also scheduled, started, succeeded (a Lambda task and an
     * AWS SDK integration task alike).
     * A Fail state writes only "entered" but is counted as 2 to stay an upper bound, as the synth-time budget does.
     */
    static int historyEvents(WorkflowDefinition.State state) {
        return switch (state.type()) {
            case "Task" -> 5;
            case "Pass", "Choice", "Wait", "Succeed", "Fail" -> 2;
            default -> throw new IllegalArgumentException(
                    "state '" + state.name() + "' has a type the cost model does not count: " + state.type());
        };
    }

    private static void requireStep(WorkflowDefinition.State from, String to) {
        if (!from.successors().contains(to)) {
            throw new IllegalArgumentException("the definition has no transition '" + from.name() + "' -> '" + to
                    + "' (it goes to " + from.successors() + ")");
        }
    }
}
