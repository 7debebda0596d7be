package dev.gracefulworker.contract;

import java.util.Objects;

/**
 * One broken settings rule: the key it is about (such as {@code waitForPods[0].labelSelector}) and a sentence that
 * names the key, the value and the fix.
 */
public record SettingsViolation(String key, String message) {

    public SettingsViolation {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return message;
    }
}
