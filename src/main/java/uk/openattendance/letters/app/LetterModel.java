package uk.openattendance.letters.app;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.openattendance.letters.domain.LetterFacts;
import uk.openattendance.letters.domain.WindowFigures;
import uk.openattendance.register.domain.Figures;
import uk.openattendance.roll.app.ContactView;
import uk.openattendance.roll.app.PupilView;
import uk.openattendance.school.app.SchoolView;

/** A letter's merge fields (the names {@code LetterFields} allows), from its typed facts, the pupil, family and school. */
final class LetterModel {
    static final DateTimeFormatter LONG_DATE = LetterService.LONG_DATE;

    private LetterModel() {}

    static Map<String, Object> of(LetterFacts facts) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (facts instanceof LetterFacts.Attendance a) {
            m.put("figures", figures(a.window()));
            m.put("level", Map.of("key", a.level().key(), "label", a.escalated() ? a.level().label() + " (the same level for the "
                    + "third time in succession is treated as the next level)" : a.level().label()));
        } else if (facts instanceof LetterFacts.Punctuality p) {
            m.put("figures", figures(p.window()));
        } else if (facts instanceof LetterFacts.Illness i) {
            m.put("figures", Map.of("illnessSessions", i.sessions(), "illnessWindow", i.window()));
        } else if (facts instanceof LetterFacts.UnauthorisedAbsence u) {
            m.put("figures", Map.of("unauthorisedSessions", u.sessions(), "from", LONG_DATE.format(u.from()), "to", LONG_DATE.format(u.to())));
        } else if (facts instanceof LetterFacts.Supplied s) {
            m.putAll(s.fields());
        }
        return m;
    }

    static Map<String, Object> figures(WindowFigures w) {
        Figures f = w.figures();
        int missed = f.possibleSessions() - f.attended();
        Map<String, Object> fig = new LinkedHashMap<>();
        fig.put("from", LONG_DATE.format(w.from()));
        fig.put("to", LONG_DATE.format(w.to()));
        fig.put("attendancePercent", f.attendancePercent() == null ? "-" : f.attendancePercent().setScale(1, RoundingMode.HALF_UP).toPlainString());
        fig.put("possibleSessions", f.possibleSessions());
        fig.put("attended", f.attended());
        fig.put("sessionsMissed", missed);
        fig.put("daysLost", BigDecimal.valueOf(missed).divide(BigDecimal.valueOf(2), 1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString());
        fig.put("authorised", f.authorisedAbsence());
        fig.put("unauthorised", f.unauthorisedAbsence());
        // the merge field keeps its published name: schools' own templates use it
        fig.put("lateAfterClose", f.unauthorisedLates());
        fig.put("denominator", f.denominator());
        return fig;
    }

    static Map<String, Object> withLetterhead(Map<String, Object> facts, SchoolView school, PupilView p, List<ContactView> family, LocalDate date) {
        Map<String, Object> m = new LinkedHashMap<>(facts);
        Map<String, Object> pupil = new LinkedHashMap<>();
        pupil.put("name", p.displayName());
        pupil.put("forename", p.preferredForename() != null ? p.preferredForename() : p.legalForename());
        pupil.put("form", p.form());
        pupil.put("yearGroup", p.yearGroup());
        m.put("pupil", pupil);
        List<String> names = family.stream().filter(c -> c.parentalResponsibility() && !c.noContact()).map(ContactView::name).toList();
        m.put("parents", names.isEmpty() ? "the parents and carers of " + p.displayName() : String.join(" and ", names));
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", school.name());
        s.put("address", school.address() == null ? "" : school.address());
        s.put("phone", school.phone() == null ? "" : school.phone());
        s.put("email", school.email() == null ? "" : school.email());
        m.put("school", s);
        m.put("date", LONG_DATE.format(date));
        return m;
    }
}
