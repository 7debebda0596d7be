package dev.gracefulworker.cdk;

import java.util.List;

/** The deployment context has missing or bad values; the message lists each, with its key and the fix. */
public final class InvalidDeploymentConfigException extends RuntimeException {

    private final List<String> problems;

    public InvalidDeploymentConfigException(List<String> problems) {
        super("Invalid deployment configuration (cdk.json \"context\" or -c key=value):\n  - "
                + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    /** One message per bad key. */
    public List<String> problems() {
        return problems;
    }
}
