package dev.gracefulworker.emulator.kube;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A scripted misbehaviour: requests whose method and path match are delayed and/or answered with an error status.
 *
 * @param method     HTTP method to match (case-insensitive); null matches any method
 * @param path       path prefix to match (the query string is not part of the path)
 * @param pathRegex  regular expression the whole path must match (instead of {@code path})
 * @param status     error status to answer (a Kubernetes {@code Status} body); null = serve normally after the delay
 * @param delayMillis delay before answering; null = none
 * @param times      how many matching requests are affected; null = every one
 * @param afterSeconds scenario seconds after the emulator's start before the fault applies; null = from the start
 * @param forSeconds   scenario seconds the fault applies for, from then (an outage); null = with no end
 * @param retryAfterSeconds with status 429: the {@code Retry-After} header and {@code details.retryAfterSeconds} that
 *                     API Priority and Fairness sends when it rejects a request; null = neither
 */
public record Fault(String method, String path, String pathRegex, Integer status, Long delayMillis, Integer times,
                    Integer afterSeconds, Integer forSeconds, Integer retryAfterSeconds) {

    public Fault {
        if ((path == null) == (pathRegex == null)) {
            throw new IllegalArgumentException("a fault needs exactly one of path or pathRegex, got path=" + path
                    + " pathRegex=" + pathRegex);
        }
        if (status == null && delayMillis == null) {
            throw new IllegalArgumentException("a fault needs a status or a delayMillis: " + (path != null ? path : pathRegex));
        }
        if (status != null && (status < 400 || status > 599)) {
            throw new IllegalArgumentException("a fault's status must be 4xx or 5xx, got " + status);
        }
        if (delayMillis != null && delayMillis < 0) {
            throw new IllegalArgumentException("delayMillis must not be negative, got " + delayMillis);
        }
        if (times != null && times < 1) {
            throw new IllegalArgumentException("times must be at least 1 (omit it for always), got " + times);
        }
        if (afterSeconds != null && afterSeconds < 0 || forSeconds != null && forSeconds < 1) {
            throw new IllegalArgumentException("afterSeconds must not be negative and forSeconds must be at least 1, got "
                    + afterSeconds + " and " + forSeconds);
        }
        if (retryAfterSeconds != null && (status == null || status != 429 || retryAfterSeconds < 1)) {
            throw new IllegalArgumentException("retryAfterSeconds goes with status 429 and must be at least 1, got "
                    + retryAfterSeconds + " with status " + status);
        }
        if (pathRegex != null) {
            Pattern.compile(pathRegex);
        }
        method = method == null ? null : method.toUpperCase(Locale.ROOT);
    }

    /** Answers {@code status} to the first {@code times} matching requests. */
    public static Fault failing(String method, String pathPrefix, int status, int times) {
        return new Fault(method, pathPrefix, null, status, null, times, null, null, null);
    }

    /** Answers {@code status} to every matching request. */
    public static Fault failingAlways(String method, String pathPrefix, int status) {
        return new Fault(method, pathPrefix, null, status, null, null, null, null, null);
    }

    /** Holds the first {@code times} matching requests for {@code delayMillis}, then serves them normally. */
    public static Fault delaying(String method, String pathPrefix, long delayMillis, int times) {
        return new Fault(method, pathPrefix, null, null, delayMillis, times, null, null, null);
    }

    /** Answers {@code status} to every matching request from {@code afterSeconds} for {@code forSeconds}: an outage. */
    public static Fault outage(String method, String pathPrefix, int status, int afterSeconds, int forSeconds) {
        return new Fault(method, pathPrefix, null, status, null, null, afterSeconds, forSeconds, null);
    }

    /** API Priority and Fairness rejecting the first {@code times} matching requests: 429 with Retry-After. */
    public static Fault throttling(String method, String pathRegex, int retryAfterSeconds, int times) {
        return new Fault(method, null, pathRegex, 429, null, times, null, null, retryAfterSeconds);
    }

    boolean matches(String requestMethod, String requestPath, long secondsSinceStart) {
        if (method != null && !method.equals(requestMethod)) {
            return false;
        }
        long from = afterSeconds == null ? 0 : afterSeconds;
        if (secondsSinceStart < from || forSeconds != null && secondsSinceStart >= from + forSeconds) {
            return false;
        }
        return path != null ? requestPath.startsWith(path) : requestPath.matches(pathRegex);
    }
}
