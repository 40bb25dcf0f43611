package io.cmohub.routes.partner;

import io.cmohub.model.value.PartnerId;
import java.util.Optional;

/** Looks partners up by id and by credential. */
public interface PartnerDirectory {

    Optional<PartnerProfile> find(PartnerId id);

    /** The enabled partner whose API key this is. */
    Optional<PartnerId> authenticateApiKey(String apiKey);

    /** The enabled partner registered for this client-certificate subject (mutual TLS). */
    Optional<PartnerId> authenticateCertificate(String subject);
}
