package uk.openattendance.school.app;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/** Settings a trust sets for all its schools, as a merge patch over each school's preset. */
@Schema(example = "{\"trustId\": 1, \"version\": 2, \"defaults\": {\"messaging\": {\"quietFrom\": \"20:00\", \"quietUntil\": \"07:30\"}, \"marks\": {\"unresolvedNLimitSchoolDays\": 5}}}")
public record TrustPolicyView(long trustId, int version, Map<String, Object> defaults) {}
