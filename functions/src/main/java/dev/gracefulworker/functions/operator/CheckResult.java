package dev.gracefulworker.functions.operator;

import java.util.Objects;

/**
 * One preflight check: what was checked, how it went, and for a failure the fix.
 *
 * @param status PASS, FAIL or NOT_CHECKED
 * @param subject what was checked, e.g. {@code hook graceful-worker-terminator on workers-a}
 * @param detail what was found
 * @param fix what to do about a failure (empty when it passed)
 */
public record CheckResult(Status status, String subject, String detail, String fix) {

    /** How a check went; only FAIL makes preflight exit non-zero. */
    public enum Status { PASS, FAIL, NOT_CHECKED }

    public CheckResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(fix, "fix");
    }

    static CheckResult pass(String subject, String detail) {
        return new CheckResult(Status.PASS, subject, detail, "");
    }

    static CheckResult fail(String subject, String detail, String fix) {
        return new CheckResult(Status.FAIL, subject, detail, fix);
    }

    static CheckResult notChecked(String subject, String why) {
        return new CheckResult(Status.NOT_CHECKED, subject, why, "");
    }

    /** {@code STATUS       subject: detail -- fix: …} on one line. */
    String line() {
        return "%-12s %s: %s%s".formatted(status, subject, detail, fix.isEmpty() ? "" : " -- fix: " + fix);
    }
}
