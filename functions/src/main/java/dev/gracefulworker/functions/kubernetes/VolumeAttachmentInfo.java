package dev.gracefulworker.functions.kubernetes;

/** A storage.k8s.io/v1 VolumeAttachment: the volume a CSI driver has attached to a node. */
public record VolumeAttachmentInfo(String name, String nodeName, String persistentVolumeName) {

    /** {@code pvc-… (VolumeAttachment csi-…)}, for the console. */
    public String describe() {
        return (persistentVolumeName == null ? "inline volume" : persistentVolumeName) + " (VolumeAttachment " + name + ")";
    }
}
