package io.cmohub.model;

/** EMVS product state per market. Withdrawal is irreversible. */
public enum ProductState { ACTIVE, WITHDRAWN }
