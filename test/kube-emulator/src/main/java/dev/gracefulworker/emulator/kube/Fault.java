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
 */
public record Fault(String method, String path, String pathRegex, Integer status, Long delayMillis, Integer times) {

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
        if (pathRegex != null) {
            Pattern.compile(pathRegex);
        }
        method = method == null ? null : method.toUpperCase(Locale.ROOT);
    }

    /** Answers {@code status} to the first {@code times} matching requests. */
    public static Fault failing(String method, String pathPrefix, int status, int times) {
        return new Fault(method, pathPrefix, null, status, null, times);
    }

    /** Answers {@code status} to every matching request. */
    public static Fault failingAlways(String method, String pathPrefix, int status) {
        return new Fault(method, pathPrefix, null, status, null, null);
    }

    /** Holds the first {@code times} matching requests for {@code delayMillis}, then serves them normally. */
    public static Fault delaying(String method, String pathPrefix, long delayMillis, int times) {
        return new Fault(method, pathPrefix, null, null, delayMillis, times);
    }

    boolean matches(String requestMethod, String requestPath) {
        if (method != null && !method.equals(requestMethod)) {
            return false;
        }
        return path != null ? requestPath.startsWith(path) : requestPath.matches(pathRegex);
    }
}
