package io.cmohub.euhub;

import io.cmohub.model.UploadRejection;
import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.ProductCode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * How the Hub processed one upload. Rejection reasons (A16, I1) come as canonical
 * {@link UploadRejection} records, ready to be published like any other record.
 */
public record UploadStatus(
        String uploadRef,
        UploadKind kind,
        UploadState state,
        ProductCode product,
        BatchId batchId,
        Instant receivedAt,
        Instant completedAt,
        List<UploadRejection> rejections,
        Instant reportedAt) {

    public UploadStatus {
        Objects.requireNonNull(uploadRef, "uploadRef");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(reportedAt, "reportedAt");
        rejections = rejections == null ? List.of() : List.copyOf(rejections);
    }
}
