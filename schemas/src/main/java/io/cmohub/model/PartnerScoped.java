package io.cmohub.model;

import io.cmohub.model.value.PartnerId;

/**
 * A record that belongs to one partner (the CMO that made, packed, tested or shipped). The hub
 * checks it against the authenticated sender of every record, not only of the document.
 */
public interface PartnerScoped {
    PartnerId partner();
}
