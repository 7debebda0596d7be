package dev.gracefulworker.functions.settings;

/** A setting has a value the workflow cannot run with; names the key. Not retried. */
public class InvalidSettingsException extends RuntimeException {

    private final String key;

    public InvalidSettingsException(String key, String problem) {
        super("invalid setting " + key + ": " + problem);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
