package io.cmohub.coordination.sla;

/** What happens when an SLA clock fires: a reminder to the liaison, or the escalation to the backup liaison and sponsor QA at the due time. */
public enum SlaClockKind { REMINDER, ESCALATION }
