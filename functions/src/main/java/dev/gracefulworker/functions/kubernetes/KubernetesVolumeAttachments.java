package dev.gracefulworker.functions.kubernetes;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.StorageV1Api;
import io.kubernetes.client.openapi.models.V1VolumeAttachment;
import io.kubernetes.client.openapi.models.V1VolumeAttachmentList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link VolumeAttachments} through client-java. The API has no field selector on {@code spec.nodeName} for
 * VolumeAttachments, so the list is read whole (paged) and filtered here; a cluster has about one per attached volume.
 */
public final class KubernetesVolumeAttachments implements VolumeAttachments {

    private final StorageV1Api api;

    public KubernetesVolumeAttachments(ApiClient client) {
        this.api = new StorageV1Api(client);
    }

    @Override
    public Optional<List<VolumeAttachmentInfo>> attachedTo(String nodeName) {
        try {
            List<V1VolumeAttachment> all = ListPages.all("list volumeattachments",
                    page -> () -> list(page), V1VolumeAttachmentList::getItems, V1VolumeAttachmentList::getMetadata);
            return Optional.of(all.stream()
                    .filter(attachment -> attachment.getSpec() != null
                            && nodeName.equals(attachment.getSpec().getNodeName()))
                    .map(KubernetesVolumeAttachments::info)
                    .toList());
        } catch (KubernetesApiException e) {
            if (e.status() == 403) {
                // an RBAC manifest from before the volume wait: drain without it rather than fail the drain
                return Optional.empty();
            }
            throw e;
        }
    }

    private V1VolumeAttachmentList list(String continueToken) throws ApiException {
        return api.listVolumeAttachment().limit(ListPages.PAGE_SIZE)._continue(continueToken).execute();
    }

    private static VolumeAttachmentInfo info(V1VolumeAttachment attachment) {
        String name = Objects.requireNonNull(attachment.getMetadata()).getName();
        var source = attachment.getSpec().getSource();
        return new VolumeAttachmentInfo(name, attachment.getSpec().getNodeName(),
                source == null ? null : source.getPersistentVolumeName());
    }
}
