package io.cmohub.model;

/** Organisation types that each carry their own investigation status on an EAMS alert. */
public enum OrganisationType { MAH, OBP, NMVO, END_USER }
