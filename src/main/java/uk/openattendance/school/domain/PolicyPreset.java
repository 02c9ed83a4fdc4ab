package uk.openattendance.school.domain;

import java.util.List;

/**
 * A school's policy as a starting point: register groups with their times and typed settings. {@code interpretations}
 * records every value the policy text did not state or that the law made us read differently, so staff can review them.
 */
public record PolicyPreset(
        String key,
        String title,
        String source,
        List<RegisterGroupTimings> registerGroups,
        PolicySettings settings,
        List<String> interpretations) {

    public PolicyPreset {
        registerGroups = List.copyOf(registerGroups);
        interpretations = List.copyOf(interpretations);
    }
}
