package uk.openattendance.school.app;

import java.util.List;
import java.util.Map;
import uk.openattendance.school.domain.PolicySettings;

/** A school's effective settings, what it overrides itself, and what the preset had to interpret from the policy text. */
public record SchoolPolicyView(
        long schoolId, String presetKey, int version, PolicySettings settings, Map<String, Object> overrides, List<String> interpretations) {}
