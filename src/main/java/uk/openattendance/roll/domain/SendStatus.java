package uk.openattendance.roll.domain;

/** Special educational needs provision as the census records it: none, SEN support (K) or an EHC plan (E). */
public enum SendStatus {
    NONE,
    SEN_SUPPORT,
    EHCP
}
