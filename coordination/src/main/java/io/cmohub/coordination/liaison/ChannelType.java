package io.cmohub.coordination.liaison;

/** How an evidence request or a notice reaches a CMO. PORTAL means the CMO picks it up from the hub's API (no push). */
public enum ChannelType { WEBHOOK, EMAIL, PORTAL }
