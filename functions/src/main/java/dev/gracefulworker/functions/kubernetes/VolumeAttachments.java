package dev.gracefulworker.functions.kubernetes;

import java.util.List;
import java.util.Optional;

/** The volumes attached to a node. */
public interface VolumeAttachments {

    /** The node's attachments, or empty when the caller may not list them (RBAC without volumeattachments list). */
    Optional<List<VolumeAttachmentInfo>> attachedTo(String nodeName);
}
