package dev.gracefulworker.functions.start;

/**
 * The execution name for a lifecycle action: {@code <instanceId>-<token>}, so a duplicate delivery of the same
 * message collapses into the same execution and the console list reads like the group's activity.
 */
public final class ExecutionName {

    /** Step Functions allows at most 80 characters. */
    public static final int MAX_LENGTH = 80;

    private ExecutionName() {}

    public static String of(String instanceId, String lifecycleActionToken) {
        return sanitize(instanceId + "-" + lifecycleActionToken);
    }

    /** Keeps letters, digits, '-' and '_' (a safe subset of what Step Functions accepts), truncated to 80. */
    public static String sanitize(String name) {
        StringBuilder safe = new StringBuilder(Math.min(name.length(), MAX_LENGTH));
        for (int i = 0; i < name.length() && safe.length() < MAX_LENGTH; i++) {
            char c = name.charAt(i);
            boolean allowed = c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_');
            safe.append(allowed ? c : '_');
        }
        return safe.toString();
    }
}
