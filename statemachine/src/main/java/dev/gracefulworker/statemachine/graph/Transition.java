package dev.gracefulworker.statemachine.graph;

/** An arrow of the graph: where a state can go next, and why. */
public record Transition(String from, String to, Kind kind, String label) {

    /** How the definition names the next state. */
    public enum Kind {
        /** {@code Next} of a non-Choice state. */
        NEXT,
        /** A Choice rule's {@code Next}. */
        CHOICE,
        /** A Choice state's {@code Default}. */
        DEFAULT,
        /** A {@code Catch} clause's {@code Next}: the failure path. */
        CATCH
    }

    /** Whether this arrow is taken only when a state fails. */
    public boolean isCatch() {
        return kind == Kind.CATCH;
    }
}
