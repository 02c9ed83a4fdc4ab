package uk.openattendance.absence.domain.reply;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import uk.openattendance.absence.domain.ReportCategory;
import uk.openattendance.school.domain.SchoolCalendar;
import uk.openattendance.school.domain.Session;

/**
 * STAND-IN, to be replaced by the layered reader (branch {@code reader}) when it is merged: it adapts today's
 * whole-reply {@link uk.openattendance.absence.domain.ReplyReader} to the per-child contract, so the service can be
 * wired to the contract before the real reader lands. It reads nothing itself: the old reading is spread over the
 * children (one outcome each), and only what the contract demands of every reader is added here: a child not marked
 * absent never gets a code, an unexplained absent child makes the reply partial, a stated absence longer than the
 * school's self-certification limit applies today only, and holidays and bereavements are suggestions that never apply.
 * Only the static {@link #read} signature is the contract; nothing else here should be depended on.
 */
public final class ReplyReader {
    private ReplyReader() {}

    public static ReplyReading read(String text, List<RollChild> roll, LocalDate today, SchoolCalendar calendar, ReaderSettings settings) {
        List<uk.openattendance.absence.domain.ReplyReader.Child> old = roll.stream()
                .map(c -> new uk.openattendance.absence.domain.ReplyReader.Child(c.pupilId(), c.calledName(), c.markedAbsent())).toList();
        uk.openattendance.absence.domain.ReplyReader.Reading r = uk.openattendance.absence.domain.ReplyReader.read(text, old, today);
        Set<ReviewReason> reviews = EnumSet.noneOf(ReviewReason.class);
        List<ReplyReading.ChildReading> children = new ArrayList<>();
        String clause = text == null ? "" : text.strip();
        if (roll.isEmpty()) {
            return new ReplyReading(List.of(), Set.of(ReviewReason.UNKNOWN_SENDER));
        }
        if (r.confident()) {
            LocalDate last = r.lastDate() == null ? today : r.lastDate();
            boolean late = r.category() == ReportCategory.LATE_ARRIVAL;
            int days = calendar.schoolDays(today, last).size();
            boolean overLimit = !late && days > settings.selfCertificationSchoolDays();
            for (RollChild c : roll) {
                ChildOutcome outcome;
                if (!r.pupilIds().contains(c.pupilId())) {
                    outcome = c.markedAbsent() ? new ChildOutcome.Unexplained() : new ChildOutcome.NotAbsent();
                    if (c.markedAbsent()) {
                        reviews.add(ReviewReason.PARTIAL);
                    }
                } else if (late) {
                    outcome = new ChildOutcome.Late();
                } else if (!c.markedAbsent()) {
                    outcome = new ChildOutcome.ForPerson(ReviewReason.PRESENT_CHILD_NAMED.why());
                    reviews.add(ReviewReason.PRESENT_CHILD_NAMED);
                } else {
                    LocalDate back = r.expectedReturn() != null ? r.expectedReturn() : calendar.addSchoolDays(last, 1).orElse(last.plusDays(1));
                    outcome = new ChildOutcome.Coded(r.category().suggestedCode(), today, last, Session.PM, back,
                            Optional.of(overLimit ? today : last));
                    if (overLimit) {
                        reviews.add(ReviewReason.OVER_SELF_CERT_LIMIT);
                    }
                }
                children.add(new ReplyReading.ChildReading(c.pupilId(), outcome, 1.0, clause));
            }
            return new ReplyReading(children, reviews);
        }
        ReviewReason reason = switch (r.review()) {
            case SAFEGUARDING -> ReviewReason.SAFEGUARDING;
            case HOLIDAY -> ReviewReason.HOLIDAY;
            case BEREAVEMENT -> ReviewReason.BEREAVEMENT;
            case QUESTION -> ReviewReason.QUESTION;
            case NO_CHILDREN -> ReviewReason.UNKNOWN_SENDER;
            case UNKNOWN_CHILD, WHICH_CHILD, UNCLEAR_REASON -> ReviewReason.UNCLEAR;
        };
        reviews.add(reason);
        // a holiday or a bereavement is about the children it names, else every child marked absent
        List<Long> about = !r.pupilIds().isEmpty() ? r.pupilIds() : roll.stream().filter(RollChild::markedAbsent).map(RollChild::pupilId).toList();
        for (RollChild c : roll) {
            ChildOutcome outcome;
            boolean named = about.contains(c.pupilId());
            if (named && c.markedAbsent() && (reason == ReviewReason.HOLIDAY || reason == ReviewReason.BEREAVEMENT)) {
                String code = reason == ReviewReason.HOLIDAY ? "G" : "C";
                outcome = new ChildOutcome.Coded(code, today, today, Session.PM, calendar.addSchoolDays(today, 1).orElse(today.plusDays(1)), Optional.empty());
            } else if (named) {
                outcome = new ChildOutcome.ForPerson(r.why());
            } else {
                outcome = c.markedAbsent() ? new ChildOutcome.Unexplained() : new ChildOutcome.NotAbsent();
            }
            children.add(new ReplyReading.ChildReading(c.pupilId(), outcome, 0.0, clause));
        }
        return new ReplyReading(children, reviews);
    }
}
