package uk.openattendance.school.app;

import java.util.Map;

/** Settings a trust sets for all its schools, as a merge patch over each school's preset. */
public record TrustPolicyView(long trustId, int version, Map<String, Object> defaults) {}
