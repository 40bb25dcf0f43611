package io.cmohub.model;

import static io.cmohub.model.RecordRules.required;

/** The investigation status one organisation type has set on an alert. */
public record OrganisationInvestigation(OrganisationType organisation, InvestigationStatus status) {
    public OrganisationInvestigation {
        required(organisation, "investigation.organisation");
        required(status, "investigation.status");
    }
}
