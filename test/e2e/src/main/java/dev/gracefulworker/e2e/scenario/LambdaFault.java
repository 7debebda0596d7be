package dev.gracefulworker.e2e.scenario;

import java.util.Locale;
import java.util.Objects;

/**
 * A scripted Lambda failure of one function, as Step Functions sees it: invocations of {@code function} fail with
 * {@code kind}'s error, either the next {@code times} ones, or all of them from {@code afterSeconds} for
 * {@code forSeconds} of scenario time (an outage). The handler itself does not run.
 *
 * @param function     the function's name, e.g. {@code gwt-check-pods}
 * @param kind         which failure
 * @param times        how many invocations fail (when no window is given; default 1)
 * @param afterSeconds scenario seconds after the start before the window opens
 * @param forSeconds   how long the window stays open
 */
public record LambdaFault(String function, Kind kind, Integer times, Integer afterSeconds, Integer forSeconds) {

    /** The failures Lambda can hand Step Functions, by the error name Step Functions reports for each. */
    public enum Kind {
        /** The Invoke API answered 429 (concurrency or rate): Step Functions reports Lambda.TooManyRequestsException. */
        THROTTLED("Lambda.TooManyRequestsException", "Rate Exceeded."),
        /** The function ran past its timeout: current runtimes report Sandbox.Timedout. */
        TIMEOUT("Sandbox.Timedout", "Task timed out"),
        /** The function ran out of memory: the runtime is killed and Step Functions reports Lambda.Unknown. */
        OUT_OF_MEMORY("Lambda.Unknown", "The cause could not be determined because Lambda did not return an error type."),
        /** Lambda's service failed the invocation. */
        SERVICE_ERROR("Lambda.ServiceException", "Lambda was unable to process the request.");

        private final String errorType;
        private final String message;

        Kind(String errorType, String message) {
            this.errorType = errorType;
            this.message = message;
        }

        /** The error name Step Functions matches Retry and Catch on. */
        public String errorType() {
            return errorType;
        }

        public String message() {
            return message;
        }

        /** Whether the function ran to its timeout before failing, so its whole timeout passed. */
        public boolean usesTheWholeTimeout() {
            return this == TIMEOUT;
        }
    }

    public LambdaFault {
        Objects.requireNonNull(function, "a Lambda fault needs a function, e.g. gwt-check-pods");
        Objects.requireNonNull(kind, "a Lambda fault needs a kind: throttled, timeout, out_of_memory or service_error");
        if ((afterSeconds == null) != (forSeconds == null)) {
            throw new IllegalArgumentException("afterSeconds and forSeconds go together (a window of scenario time)");
        }
        if (forSeconds != null && times != null) {
            throw new IllegalArgumentException("a Lambda fault has either times or a window, not both");
        }
        times = times == null && forSeconds == null ? Integer.valueOf(1) : times;
    }

    /** Reads {@code kind} as written in a scenario: {@code throttled}, {@code timeout}, {@code out-of-memory}, ... */
    public static Kind kind(String name) {
        return Kind.valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** Whether this fault is a window of scenario time rather than a count. */
    public boolean windowed() {
        return forSeconds != null;
    }
}
