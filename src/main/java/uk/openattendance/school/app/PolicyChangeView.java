package uk.openattendance.school.app;

import java.time.Instant;
import java.util.Map;

/** One change to a school's policy: the merge patch as sent, who sent it and when. */
public record PolicyChangeView(int version, Map<String, Object> patch, String changedBy, Instant changedAt) {}
