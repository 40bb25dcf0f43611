package io.cmohub.coordination.evidence;

import io.cmohub.coordination.liaison.Channel;
import io.cmohub.coordination.liaison.ChannelType;

/**
 * Delivers notices on one kind of channel. Called from the outbox after the state change that
 * caused the notice has committed, possibly more than once for the same notice (after a crash or
 * a timeout), so receivers deduplicate on {@link Notice#noticeId()}.
 */
public interface EvidenceDispatcher {

    ChannelType channelType();

    /** Delivers or throws; returns a short receipt for the audit trail (e.g. "HTTP 202"). */
    String deliver(Notice notice, Channel channel) throws DeliveryException;
}
