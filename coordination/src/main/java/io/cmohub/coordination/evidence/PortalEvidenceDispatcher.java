package io.cmohub.coordination.evidence;

import io.cmohub.coordination.liaison.Channel;
import io.cmohub.coordination.liaison.ChannelType;

/**
 * The portal channel pushes nothing: the CMO reads its open evidence requests through the hub's
 * API. Delivery only marks the notice as available there, so the audit trail shows the same
 * dispatch step for every channel.
 */
public final class PortalEvidenceDispatcher implements EvidenceDispatcher {
    @Override
    public ChannelType channelType() {
        return ChannelType.PORTAL;
    }

    @Override
    public String deliver(Notice notice, Channel channel) {
        return "available on the portal for " + channel.address();
    }
}
