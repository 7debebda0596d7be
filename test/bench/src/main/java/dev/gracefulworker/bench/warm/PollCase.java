package dev.gracefulworker.bench.warm;

import java.util.List;

/**
 * One warm "Check pods" measurement: pods on the node, whether each call also records a heartbeat, and how many
 * calls warm the JVM up before {@code measured} calls are timed.
 */
public record PollCase(int pods, boolean heartbeatDue, int warmUp, int measured) {

    /** 10, 110 and 1,000 pods without a heartbeat, and 110 pods with one (every poll once the interval is at its maximum). */
    public static List<PollCase> standard(double scale) {
        return List.of(
                new PollCase(10, false, scaled(500, scale), scaled(3000, scale)),
                new PollCase(110, false, scaled(500, scale), scaled(2000, scale)),
                new PollCase(1000, false, scaled(100, scale), scaled(400, scale)),
                new PollCase(110, true, scaled(500, scale), scaled(2000, scale)));
    }

    public String label() {
        return pods + " pods" + (heartbeatDue ? " + heartbeat" : "");
    }

    private static int scaled(int calls, double scale) {
        return Math.max(20, (int) Math.round(calls * scale));
    }
}
