package uk.openattendance.school.domain;

import java.util.Objects;

/**
 * Everything that differs between schools' attendance policies, as typed settings (register times live on register groups).
 * Sections added later ({@code messaging}, {@code replies}) default to their standard values when a stored policy lacks them.
 */
public record PolicySettings(
        FirstDayChain firstDay,
        LatenessNotices lateness,
        LetterRules letters,
        PraiseRules praise,
        LeaveRules leave,
        MarkRules marks,
        MessagingRules messaging,
        ReplyRules replies) {

    public PolicySettings {
        Objects.requireNonNull(firstDay, "firstDay");
        Objects.requireNonNull(lateness, "lateness");
        Objects.requireNonNull(letters, "letters");
        Objects.requireNonNull(praise, "praise");
        Objects.requireNonNull(leave, "leave");
        Objects.requireNonNull(marks, "marks");
        if (messaging == null) {
            messaging = MessagingRules.standard();
        }
        if (replies == null) {
            replies = ReplyRules.standard();
        }
    }
}
