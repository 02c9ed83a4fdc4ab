package uk.openattendance.notify.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message's wording with {@code {{field}}} placeholders. Unknown or unclosed placeholders are refused when the school
 * saves the template, so a parent never receives "Dear {{parnet}}".
 */
public record MessageTemplate(MessagePurpose purpose, String subject, String body) {
    private static final Pattern FIELD = Pattern.compile("\\{\\{\\s*([a-zA-Z]+)\\s*}}");

    /** The fields every template may use; the caller fills those that apply. */
    public static final Set<String> FIELDS = Set.of("children", "school", "schoolPhone", "date", "session", "minutesLate", "code", "percent",
            "window", "points", "reply", "contactName", "groups", "reference");

    /** Problems with the wording, as field errors' "expected" texts; empty when it can be used. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (String text : subject == null ? List.of(body) : List.of(subject, body)) {
            Matcher m = FIELD.matcher(text);
            while (m.find()) {
                if (!FIELDS.contains(m.group(1))) {
                    problems.add("only the fields " + String.join(", ", FIELDS.stream().sorted().toList()) + " (found {{" + m.group(1) + "}})");
                }
            }
            String stripped = FIELD.matcher(text).replaceAll("");
            if (stripped.contains("{{") || stripped.contains("}}")) {
                problems.add("placeholders written as {{field}}, each opened and closed");
            }
        }
        if (body.isBlank()) {
            problems.add("some words to send");
        }
        return problems;
    }

    public Rendered render(Map<String, String> values) {
        return new Rendered(subject == null ? null : fill(subject, values), fill(body, values));
    }

    public record Rendered(String subject, String body) {}

    private static String fill(String text, Map<String, String> values) {
        Matcher m = FIELD.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), "")));
        }
        m.appendTail(out);
        return out.toString().replaceAll(" {2,}", " ").strip();
    }

    /** Our default wording: short, plain, GSM-7 only (one character outside it halves a segment), no blame. */
    public static MessageTemplate standard(MessagePurpose purpose) {
        return switch (purpose) {
            case FIRST_DAY_ABSENCE -> new MessageTemplate(purpose, "{{children}} not in school today",
                    "{{school}}: {{children}} not in school today ({{date}}) and we have not heard why. Please reply with the reason, "
                            + "or call {{schoolPhone}}.");
            case FIRST_DAY_CORRECTION -> new MessageTemplate(purpose, "Sorry: {{children}} is in school",
                    "{{school}}: sorry, our earlier text was wrong. {{children}} is in school today. No need to reply.");
            case SAFE_BY_ALERT -> new MessageTemplate(purpose, "Not yet known to be safe: {{children}}",
                    "{{children}} absent on {{date}} without explanation, and not yet known to be safe. Texts and calls have not reached "
                            + "a contact. Please decide the next step (home visit, police welfare check).");
            case SOCIAL_WORKER_ALERT -> new MessageTemplate(purpose, "Unexplained absence: {{children}}",
                    "{{school}} is letting you know, as {{children}}'s social worker, that they are absent today ({{date}}) and the family "
                            + "has not told us why. We are following up.");
            case MISSING_EDUCATION_ALERT -> new MessageTemplate(purpose, "Possible child missing education: {{children}}",
                    "{{children}} has been absent without explanation for {{points}} school days in a row. The local authority must be told "
                            + "(reg. 12(3)); please review the case today.");
            case REGISTER_NOT_TAKEN -> new MessageTemplate(purpose, "Registers not taken: {{groups}}",
                    "The {{session}} register on {{date}} closed without a mark for every pupil in: {{groups}}. Until it is taken those "
                            + "pupils count as a missing register, and their families get no first-day text. Please take or complete it now.");
            case LATENESS -> new MessageTemplate(purpose, "{{children}} was late today",
                    "{{school}}: {{children}} arrived after the register closed this {{session}} ({{minutesLate}} minutes late). "
                            + "Every minute counts - thank you for your help.");
            case PRAISE_WEEKLY -> new MessageTemplate(purpose, "100% this week",
                    "{{school}}: {{children}} was in school every day this week. Thank you - well done!");
            case PRAISE_EXCELLENT -> new MessageTemplate(purpose, "Excellent attendance",
                    "{{school}}: {{children}}'s attendance this half term was {{percent}}% - excellent. Thank you for your support.");
            case PRAISE_OUTSTANDING -> new MessageTemplate(purpose, "Outstanding attendance",
                    "{{school}}: {{children}} was in school every day this {{window}} - outstanding! Thank you.");
            case PRAISE_IMPROVEMENT -> new MessageTemplate(purpose, "Attendance improving",
                    "{{school}}: {{children}}'s attendance is up {{points}} points this half term, to {{percent}}%. Well done and thank you.");
            case REPLY_THANKS -> new MessageTemplate(purpose, null,
                    "{{school}}: thank you, we have recorded that. {{reply}}");
            case REPLY_REVIEW -> new MessageTemplate(purpose, null,
                    "{{school}}: thank you for your message. A member of the office will read it shortly and call if we need to.");
            case REPLY_HELP -> new MessageTemplate(purpose, null,
                    "{{school}} attendance texts. Reply with the reason your child is absent. Call {{schoolPhone}} for help. Reply STOP to stop texts.");
            case REPLY_STOPPED -> new MessageTemplate(purpose, null,
                    "{{school}}: you will get no more texts from us. We will email you instead where we can. Reply START to have texts again.");
            case REPLY_STARTED -> new MessageTemplate(purpose, null, "{{school}}: texts are on again. Thank you.");
            // {{reply}} is the status in words with the child's name and the reference, e.g. "Your absence report about
            // Iris (reference A12): Recorded as illness (2 sessions)."
            case STATUS_UPDATE -> new MessageTemplate(purpose, "{{school}}: an update on {{reference}}", "{{school}}: {{reply}}");
            case ONE_TIME_CODE -> new MessageTemplate(purpose, "Your code for {{school}}",
                    "Your {{school}} code is {{code}}. It works for 10 minutes. If you did not ask for it, ignore this message.");
            case LETTER -> new MessageTemplate(purpose, "A letter from {{school}}", "Dear {{contactName}},\n\nPlease find attached a letter from {{school}} "
                    + "about {{children}}.\n\nIf you have any questions, please contact the school office.");
        };
    }
}
