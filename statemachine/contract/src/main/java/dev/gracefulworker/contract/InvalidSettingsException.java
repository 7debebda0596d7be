package dev.gracefulworker.contract;

import java.util.List;
import java.util.stream.Collectors;

/** Settings the workflow cannot run with; names the first bad key, and says what is wrong with every one. Not retried. */
public final class InvalidSettingsException extends RuntimeException {

    private final String key;

    public InvalidSettingsException(String key, String problem) {
        super("invalid setting " + key + ": " + problem);
        this.key = key;
    }

    /** The exception for a non-empty list of violations. */
    public static InvalidSettingsException of(List<SettingsViolation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("no violations");
        }
        return new InvalidSettingsException(violations.getFirst().key(),
                violations.stream().map(SettingsViolation::message).collect(Collectors.joining(" ")));
    }

    /** The first key whose value cannot work. */
    public String key() {
        return key;
    }
}
