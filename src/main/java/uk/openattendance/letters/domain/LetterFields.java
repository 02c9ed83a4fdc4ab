package uk.openattendance.letters.domain;

import java.util.Set;

/** The merge fields a letter template may use; anything else is refused when the template is saved. */
public final class LetterFields {
    private LetterFields() {}

    public static final Set<String> ALLOWED = Set.of(
            "pupil.name", "pupil.forename", "pupil.form", "pupil.yearGroup",
            "parents", "school.name", "school.address", "school.phone", "school.email", "date",
            "level.label", "level.key",
            "figures.from", "figures.to", "figures.attendancePercent", "figures.possibleSessions", "figures.attended", "figures.sessionsMissed",
            "figures.daysLost", "figures.authorised", "figures.unauthorised", "figures.unauthorisedSessions", "figures.lateAfterClose",
            "figures.illnessSessions", "figures.illnessWindow", "figures.denominator",
            "leave.firstDate", "leave.lastDate", "leave.schoolDays", "leave.decision", "leave.approvedPart", "leave.approvedFrom", "leave.approvedTo",
            "leave.note", "leave.refusedAny", "leave.ground",
            "meeting.date", "meeting.reviewDate", "meeting.plan");
}
