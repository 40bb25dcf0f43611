package io.cmohub.model;

/** The channel an alert notification arrived by. */
public enum AlertSource { HUB, EAMS, NATIONAL, EMAIL }
