package io.cmohub.routes.pipeline;

import io.cmohub.model.value.InvalidValueException;
import io.cmohub.model.value.PartnerId;
import io.cmohub.routes.partner.PartnerDirectory;
import io.cmohub.routes.partner.PartnerProfile;
import java.util.Optional;

/** Decides the format of a file dropped in a partner's inbox from the file patterns registered for the partner. */
public final class InboxFormats {
    private final PartnerDirectory partners;

    public InboxFormats(PartnerDirectory partners) {
        this.partners = partners;
    }

    public Optional<String> formatFor(String partner, String fileName) {
        try {
            Optional<PartnerProfile> profile = partners.find(PartnerId.of(partner));
            return profile.flatMap(p -> p.formatsFor(fileName).stream().map(PartnerProfile.PartnerFormat::formatId).findFirst());
        } catch (InvalidValueException e) {
            return Optional.empty();
        }
    }
}
