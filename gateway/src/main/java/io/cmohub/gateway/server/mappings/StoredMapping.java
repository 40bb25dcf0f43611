package io.cmohub.gateway.server.mappings;

import java.time.Instant;

/** One saved version of a mapping file: its text, digest, who saved it when, and the signature of that save. */
public record StoredMapping(String formatId, int version, String definition, String sha256, Instant savedAt, String savedBy, String signature) {

    /** Where a problem in this mapping is reported from ({@code MappingDefinition.origin}). */
    public String origin() {
        return "database mapping " + formatId + " v" + version;
    }
}
