package uk.openattendance.platform.graphql;

import graphql.schema.DataFetchingEnvironment;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import uk.openattendance.platform.problem.CommonProblem;
import uk.openattendance.platform.problem.DomainProblem;

/** Reads arguments inside data fetchers; the caller is read with security's {@code GraphqlCaller}. */
public final class GraphqlContext {
    private GraphqlContext() {}

    /** An id argument: a Node's global id, or (while clients move to global ids) the plain database id. */
    public static long id(DataFetchingEnvironment env, String name) {
        return idValue(env.getArgument(name), name, nodeType(name, env.getField() == null ? null : env.getField().getName()));
    }

    /** As {@link #id}, for a value inside an input object; {@code field} names it in the refusal (e.g. report.pupilIds). */
    public static long idValue(Object value, String field) {
        return idValue(value, field, nodeType(field, null));
    }

    /**
     * A global id counts only where the argument names that type (a letter's global id passed as pupilId would otherwise
     * read whichever pupil has the letter's number); types that are not Nodes yet take numbers only.
     */
    private static long idValue(Object value, String field, String type) {
        String text = String.valueOf(value);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return GlobalIds.decode(text).filter(g -> g.type().equals(type)).map(GlobalIds.GlobalId::databaseId).orElseThrow(() -> DomainProblem.field(
                    CommonProblem.VALIDATION_FAILED, field, type == null ? "a numeric id" : "the global id of a " + type + " or its numeric id"));
        }
    }

    /** The Node type an id argument names, from its name (pupilId) or, for a bare id, the field it is an argument of. */
    static String nodeType(String argument, String field) {
        String name = argument.substring(argument.lastIndexOf('.') + 1).replaceAll("\\[\\d+]$", "");
        return switch (name) {
            case "schoolId" -> "School";
            case "pupilId", "pupilIds" -> "Pupil";
            case "registerGroupId", "groupId" -> "RegisterGroup";
            case "letterIds" -> "Letter";
            case "contactId" -> "Contact";
            case "subscriptionId" -> "WebhookSubscription";
            case "id" -> field == null ? null : switch (field) {
                case "school" -> "School";
                case "pupil" -> "Pupil";
                case "letter", "editLetter" -> "Letter";
                case "leaveRequest", "decideLeaveRequest", "withdrawLeaveRequest", "confirmRefusedLeaveTaken" -> "LeaveRequest";
                case "inboundMessage", "resolveInbound", "resolveTrustInbound", "acceptInboundSuggestions" -> "InboundMessage";
                case "webhookSubscription", "deactivateWebhook" -> "WebhookSubscription";
                case "absenceReport" -> "AbsenceReport";
                case "message" -> "Message";
                default -> null;
            };
            default -> null;
        };
    }

    /**
     * An input object with every global id under an id-named key ({@code id}, {@code pupilId}, {@code pupilIds}, ...)
     * replaced by its database id, so the command records REST binds keep their numeric ids.
     */
    @SuppressWarnings("unchecked")
    public static Object plainIds(Object value) {
        if (value instanceof java.util.Map<?, ?> map) {
            java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
            ((java.util.Map<String, Object>) map).forEach((k, v) -> out.put(k, isIdKey(k) ? plainId(v, nodeType(k, null)) : plainIds(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(GraphqlContext::plainIds).toList();
        }
        return value;
    }

    private static boolean isIdKey(String key) {
        return key.equals("id") || key.endsWith("Id") || key.endsWith("Ids");
    }

    /** A global id of another type stays as it is, and the command's binding refuses it naming the field. */
    private static Object plainId(Object v, String type) {
        if (v instanceof List<?> list) {
            return list.stream().map(x -> plainId(x, type)).toList();
        }
        return v instanceof String s ? GlobalIds.decode(s).filter(g -> g.type().equals(type)).<Object>map(g -> String.valueOf(g.databaseId())).orElse(s) : v;
    }

    public static Optional<Long> optionalId(DataFetchingEnvironment env, String name) {
        return env.getArgument(name) == null ? Optional.empty() : Optional.of(id(env, name));
    }

    /** A YYYY-MM-DD argument, or null when absent; anything else is refused naming the argument. */
    public static LocalDate date(DataFetchingEnvironment env, String name) {
        Object value = env.getArgument(name);
        return date(value, name);
    }

    /** A YYYY-MM-DD value from an input object, or null; {@code field} names it in the error (e.g. request.firstDate). */
    public static LocalDate date(Object value, String field) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(String.valueOf(value));
        } catch (DateTimeParseException e) {
            throw DomainProblem.field(CommonProblem.VALIDATION_FAILED, field, "a date as YYYY-MM-DD, not '" + value + "'");
        }
    }

    /** A list of ids, each global or numeric; anything else is refused naming the argument. */
    public static List<Long> ids(DataFetchingEnvironment env, String name) {
        List<?> values = env.getArgument(name);
        try {
            return values == null ? List.of() : values.stream().map(v -> idValue(v, name)).toList();
        } catch (DomainProblem e) {
            throw DomainProblem.field(CommonProblem.VALIDATION_FAILED, name, "global ids (a Node's id) or numeric ids");
        }
    }

    /**
     * An input object turned into the command record the REST body binds to, so both edges hand the service the same
     * value and its validation names the same fields; a value Jackson cannot bind is refused naming the argument.
     */
    public static <T> T input(DataFetchingEnvironment env, String name, com.fasterxml.jackson.databind.ObjectMapper json, Class<T> type) {
        return convert(env.getArgument(name), name, json, type);
    }

    /** As {@link #input}, for a value the fetcher assembled; {@code field} names it in the refusal. */
    public static <T> T convert(Object value, String name, com.fasterxml.jackson.databind.ObjectMapper json, Class<T> type) {
        try {
            return json.convertValue(value == null ? java.util.Map.of() : plainIds(value), type);
        } catch (IllegalArgumentException e) {
            throw DomainProblem.field(CommonProblem.VALIDATION_FAILED, name, "a " + type.getSimpleName() + " as the schema describes it: "
                    + String.valueOf(e.getMessage()).split("\n")[0]);
        }
    }

    /** A string argument naming a constant of {@code type}; anything else is refused naming the argument and the choices. */
    public static <E extends Enum<E>> E enumArg(DataFetchingEnvironment env, String name, Class<E> type) {
        Object value = env.getArgument(name);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw DomainProblem.field(CommonProblem.VALIDATION_FAILED, name, "one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    /** A DateTime argument (RFC 3339, parsed by the scalar) as the Instant the services take, or null when absent. */
    public static java.time.Instant instant(DataFetchingEnvironment env, String name) {
        Object value = env.getArgument(name);
        if (value == null) {
            return null;
        }
        if (value instanceof java.time.OffsetDateTime t) {
            return t.toInstant();
        }
        try {
            return java.time.OffsetDateTime.parse(String.valueOf(value)).toInstant();
        } catch (DateTimeParseException e) {
            throw DomainProblem.field(CommonProblem.VALIDATION_FAILED, name, "a date-time as RFC 3339, e.g. 2026-11-23T08:52:10Z");
        }
    }

    public static int intArg(DataFetchingEnvironment env, String name, int fallback) {
        Integer value = env.getArgument(name);
        return value == null ? fallback : value;
    }
}
