package io.cmohub.model;

/** Alert status in the EMVO alert management system (domain-emvs §4). */
public enum EamsStatus { NEW, ACTIVE, UNDER_INVESTIGATION, ESCALATED, CLOSED }
