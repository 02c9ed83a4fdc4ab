package uk.openattendance.school.app;

import java.util.List;
import uk.openattendance.school.domain.Closure;
import uk.openattendance.school.domain.Term;

public record CalendarView(long schoolId, List<Term> terms, List<Closure> closures) {}
