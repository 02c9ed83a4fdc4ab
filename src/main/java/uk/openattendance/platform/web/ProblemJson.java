package uk.openattendance.platform.web;

import java.util.List;
import uk.openattendance.platform.problem.FieldError;

/** RFC 9457 problem details, plus the machine-readable code and the field errors. */
public record ProblemJson(
        String type, String title, int status, String detail, String instance, String code, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static String typeFor(String code) {
        return "urn:openattendance:problem:" + code.toLowerCase().replace('_', '-');
    }
}
