package dev.gracefulworker.functions.pods;

import dev.gracefulworker.functions.kubernetes.VolumeAttachmentInfo;
import dev.gracefulworker.functions.kubernetes.VolumeAttachments;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Once no pod blocks: whether to wait for the node's volumes to detach. A StatefulSet's EBS volume attaches on its new
 * node only once detached here; terminated with the instance instead, it waits out the attach-detach controller's six
 * minutes of multi-attach errors. Bounded by {@code volumeDetachTimeoutSeconds}, and not waited for on a node whose
 * kubelet is not responding: it cannot unmount, so the volume would only detach with the instance.
 */
final class VolumeDetachWait {

    /** Wait: these volumes are still attached; {@code since} is when the wait began. */
    record Waiting(List<VolumeAttachmentInfo> attached, Instant since) {}

    private final VolumeAttachments volumes;

    VolumeDetachWait(VolumeAttachments volumes) {
        this.volumes = volumes;
    }

    /** The volumes to wait for, or empty to finish now (with any reason not to wait written to the census). */
    Optional<Waiting> check(String nodeName, int timeoutSeconds, Instant waitingSince, Instant now, NodeView node,
            PodCensus census) {
        if (timeoutSeconds == 0) {
            return Optional.empty();
        }
        Optional<List<VolumeAttachmentInfo>> listed = volumes.attachedTo(nodeName);
        if (listed.isEmpty()) {
            census.warns("volumes", "not waited for: volumeattachments list is forbidden (RBAC manifest from before it)");
            return Optional.empty();
        }
        List<VolumeAttachmentInfo> attached = listed.get();
        if (attached.isEmpty()) {
            return Optional.empty();
        }
        if (!node.kubeletResponding()) {
            attached.forEach(a -> census.warns(a.describe(), "still attached, not waited for: the node is not Ready"));
            return Optional.empty();
        }
        Instant since = waitingSince == null ? now : waitingSince;
        if (Duration.between(since, now).toSeconds() >= timeoutSeconds) {
            attached.forEach(a -> census.warns(a.describe(), "still attached after " + timeoutSeconds + " s"));
            return Optional.empty();
        }
        return Optional.of(new Waiting(attached, since));
    }
}
