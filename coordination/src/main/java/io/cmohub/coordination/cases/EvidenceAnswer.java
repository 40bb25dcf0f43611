package io.cmohub.coordination.cases;

import java.util.List;
import java.util.Objects;

/** A CMO's answer to one evidence item: a structured or free-text answer, files, or both. */
public record EvidenceAnswer(String itemCode, String text, List<EvidenceFile> files) {
    public EvidenceAnswer {
        Objects.requireNonNull(itemCode, "itemCode");
        files = files == null ? List.of() : List.copyOf(files);
        if ((text == null || text.isBlank()) && files.isEmpty()) {
            throw new IllegalArgumentException("the answer to " + itemCode + " has neither text nor files");
        }
        if (text != null && text.length() > 4000) {
            throw new IllegalArgumentException("the answer to " + itemCode + " is longer than 4000 characters; attach it as a file");
        }
    }
}
