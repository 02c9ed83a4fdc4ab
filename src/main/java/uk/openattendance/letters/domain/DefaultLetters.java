package uk.openattendance.letters.domain;

import java.util.Map;

/**
 * The built-in wording, in our own words, used when neither the school nor its trust has written its own. Bodies
 * are XHTML fragments with Handlebars fields; {@link LetterFields} lists the fields a template may use.
 */
public final class DefaultLetters {
    private DefaultLetters() {}

    public record Wording(String subject, String body) {}

    private static final String FIGURES = "<p>Between {{figures.from}} and {{figures.to}}, {{pupil.forename}} attended <strong>{{figures.attendancePercent}}%</strong> "
            + "of sessions ({{figures.attended}} of {{figures.possibleSessions}} possible sessions). That is {{figures.sessionsMissed}} sessions missed, "
            + "about {{figures.daysLost}} school days.</p>";

    private static final Map<String, Wording> WORDING = Map.ofEntries(
            Map.entry("ATTENDANCE", new Wording("{{pupil.forename}}'s attendance",
                    "<p>We are writing because {{pupil.forename}}'s attendance has fallen to a level our attendance policy asks us to share "
                            + "with you (the policy's level: {{level.label}}).</p>" + FIGURES
                            + "<p>Every day in school counts. If something is making it hard for {{pupil.forename}} to come to school, please talk to us: "
                            + "we would much rather help early.</p>")),
            Map.entry("ATTENDANCE_MEETING", new Wording("A meeting about {{pupil.forename}}'s attendance",
                    "<p>{{pupil.forename}}'s attendance is now a real concern for us (our attendance policy's level: {{level.label}}).</p>" + FIGURES
                            + "<p>We would like to meet you to understand what is getting in the way and to agree, together, a plan to help. Please contact "
                            + "the school office on {{school.phone}} to arrange a time in the next two weeks.</p>")),
            Map.entry("MEDICAL_EVIDENCE", new Wording("Medical evidence for {{pupil.forename}}'s absence",
                    "<p>{{pupil.forename}} has been absent through illness for {{figures.illnessSessions}} sessions {{figures.illnessWindow}}.</p>"
                            + "<p>We hope {{pupil.forename}} is feeling better. So that we can keep recording these absences as authorised, please send us "
                            + "medical evidence, such as an appointment card, a prescription or a note from a health professional.</p>")),
            Map.entry("PUNCTUALITY", new Wording("{{pupil.forename}}'s punctuality",
                    "<p>{{pupil.forename}} has arrived after the register closed on {{figures.lateAfterClose}} occasions between {{figures.from}} and "
                            + "{{figures.to}}. Each of these is recorded as an unauthorised absence for that session.</p>"
                            + "<p>Please help {{pupil.forename}} to arrive on time. If there is a reason that makes this difficult, please talk to us.</p>")),
            Map.entry("PENALTY_WARNING", new Wording("Warning: {{pupil.forename}}'s unauthorised absence",
                    "<p>{{pupil.forename}} has had {{figures.unauthorisedSessions}} sessions of unauthorised absence between {{figures.from}} "
                            + "and {{figures.to}}.</p><p>Under the national framework for penalty notices, ten or more "
                            + "unauthorised sessions in a rolling period of ten school weeks means the school must consider a penalty notice. Before that, "
                            + "we want to work with you: please contact us to talk about what support would help.</p>")),
            Map.entry("LEAVE_DECISION", new Wording("Your request for leave for {{pupil.forename}}",
                    "<p>Thank you for your request for leave of absence for {{pupil.forename}} from {{leave.firstDate}} to {{leave.lastDate}} "
                            + "({{leave.schoolDays}} school days).</p><p>The headteacher has <strong>{{leave.decision}}</strong> the request."
                            + "{{#if leave.approvedPart}} Leave is approved from {{leave.approvedFrom}} to {{leave.approvedTo}}.{{/if}}</p>"
                            + "{{#if leave.note}}<p>{{leave.note}}</p>{{/if}}"
                            + "{{#if leave.refusedAny}}<p>Absence on days not approved will be recorded as unauthorised, and may lead to a penalty notice "
                            + "under the national framework.</p>{{/if}}")),
            Map.entry("IMPROVEMENT_MEETING", new Wording("Our attendance improvement meeting about {{pupil.forename}}",
                    "<p>Thank you for meeting us about {{pupil.forename}}'s attendance.</p>" + FIGURES
                            + "<p>We agreed the plan below and will review it with you on {{meeting.reviewDate}}.</p><p>{{meeting.plan}}</p>")),
            Map.entry("START_OF_YEAR", new Wording("Attendance this year",
                    "<p>Welcome to the new school year. We expect every pupil to be in school, on time, every day the school is open. Please tell "
                            + "us by 9am on the first day of any absence, and ask the headteacher in advance, in writing, for leave in term time, which "
                            + "is granted only in exceptional circumstances.</p>")));

    /** Wording for a template kind: an attendance level's own kind falls back to the ladder's general wording. */
    public static Wording of(String kind, boolean meetingInvitation) {
        Wording w = WORDING.get(kind);
        if (w != null) {
            return w;
        }
        if (kind.startsWith("ATTENDANCE_")) {
            return WORDING.get(meetingInvitation ? "ATTENDANCE_MEETING" : "ATTENDANCE");
        }
        throw new IllegalArgumentException("no letter kind " + kind);
    }
}
