package dev.gracefulworker.functions.operator;

/** A command that could not do its work: what went wrong and what to do, printed by {@link Gwt} as one line. */
final class CommandFailure extends RuntimeException {

    CommandFailure(String problem, String fix) {
        super(problem + " -- fix: " + fix);
    }
}
