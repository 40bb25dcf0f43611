package io.cmohub.coordination.evidence;

import io.cmohub.coordination.liaison.Channel;
import io.cmohub.coordination.liaison.ChannelType;
import java.util.Objects;

/** Sends a notice as a plain-text e-mail to the channel's address through a {@link MailSender}. */
public final class EmailEvidenceDispatcher implements EvidenceDispatcher {
    private final MailSender mail;

    public EmailEvidenceDispatcher(MailSender mail) {
        this.mail = Objects.requireNonNull(mail, "mail");
    }

    @Override
    public ChannelType channelType() {
        return ChannelType.EMAIL;
    }

    @Override
    public String deliver(Notice notice, Channel channel) throws DeliveryException {
        try {
            mail.send(channel.address(), notice.subject(), notice.text(), notice.noticeId());
            return "mail accepted for " + channel.address();
        } catch (Exception e) {
            // A mail transport failure (server down, timeout) is worth retrying; an address the register holds was validated on entry.
            throw new DeliveryException("mail to " + channel.address() + " failed: " + e.getMessage(), false, e);
        }
    }
}
