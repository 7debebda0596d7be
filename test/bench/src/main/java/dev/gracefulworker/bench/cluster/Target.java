package dev.gracefulworker.bench.cluster;

/**
 * One terminating instance of the emulated cluster: its node, the pods on it, and its pending lifecycle action.
 *
 * @param pods pods on the node: three DaemonSet pods (ignored), the rest Job pods the settings wait for
 */
public record Target(String instanceId, String nodeName, String lifecycleActionToken, int pods) {

    public static final String GROUP = "workers-bench";
    public static final String HOOK = "graceful-termination";
    public static final String AVAILABILITY_ZONE = "eu-west-1a";
    public static final int DAEMONSET_PODS = 3;

    public Target {
        if (pods < DAEMONSET_PODS) {
            throw new IllegalArgumentException("a target needs at least " + DAEMONSET_PODS + " pods, got " + pods);
        }
    }

    /** The n-th target (n >= 0) with {@code pods} pods; ids are unique per n. */
    public static Target numbered(int n, int pods) {
        return new Target("i-0b%015x".formatted(n + 1), "ip-10-1-%d-%d.eu-west-1.compute.internal".formatted(n / 250, n % 250 + 1),
                "5a1c0e2d-7f3b-4c9e-8d20-%012x".formatted(n + 1), pods);
    }

    public String providerId() {
        return "aws:///" + AVAILABILITY_ZONE + "/" + instanceId;
    }
}
