package uk.openattendance.notify.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;

/** The review's reasons and suggestions as the inbound row keeps them: JSON with dates as ISO strings, read back only here. */
final class InboundJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private InboundJson() {}

    record ReasonJson(String label, String why, boolean urgent) {}

    record SuggestionJson(long pupilId, String name, String outcome, String code, String firstDate, String lastDate, String lastSession,
            String expectedReturn, String appliedThrough, String acceptedBy, String summary) {}

    static String reasons(List<InboundHandler.Reason> reasons) {
        return write(reasons.stream().map(r -> new ReasonJson(r.label(), r.why(), r.urgent())).toList());
    }

    static String suggestions(List<InboundHandler.Suggestion> suggestions) {
        return write(suggestions.stream().map(s -> new SuggestionJson(s.pupilId(), s.name(), s.outcome(), s.code(), str(s.firstDate()), str(s.lastDate()),
                s.lastSession(), str(s.expectedReturn()), str(s.appliedThrough()), s.acceptedBy(), s.summary())).toList());
    }

    static List<InboundHandler.Reason> reasons(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        return read(json, new TypeReference<List<ReasonJson>>() {}).stream().map(r -> new InboundHandler.Reason(r.label(), r.why(), r.urgent())).toList();
    }

    static List<InboundHandler.Suggestion> suggestions(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        return read(json, new TypeReference<List<SuggestionJson>>() {}).stream().map(s -> new InboundHandler.Suggestion(s.pupilId(), s.name(), s.outcome(),
                s.code(), date(s.firstDate()), date(s.lastDate()), s.lastSession(), date(s.expectedReturn()), date(s.appliedThrough()), s.acceptedBy(),
                s.summary())).toList();
    }

    private static String str(LocalDate d) {
        return d == null ? null : d.toString();
    }

    private static LocalDate date(String s) {
        return s == null ? null : LocalDate.parse(s);
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored review is not JSON", e);
        }
    }
}
