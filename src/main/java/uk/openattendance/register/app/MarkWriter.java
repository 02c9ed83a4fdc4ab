package uk.openattendance.register.app;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.openattendance.platform.problem.DomainProblem;
import uk.openattendance.register.domain.CodeCatalogue;
import uk.openattendance.register.domain.HistoryChain;
import uk.openattendance.register.domain.Tally;
import uk.openattendance.register.persistence.ChainHead;
import uk.openattendance.register.persistence.HistoryRow;
import uk.openattendance.register.persistence.MarkRow;
import uk.openattendance.register.persistence.ChainStore;
import uk.openattendance.register.persistence.MarkStore;
import uk.openattendance.register.persistence.TallyStore;
import uk.openattendance.register.persistence.WeekRow;
import uk.openattendance.school.domain.SchoolCalendar;

/**
 * The only writer of marks. Every change, first entry or amendment, becomes a history entry chained to the pupil's
 * previous one, and moves the pupil's weekly tally by the difference between the old code and the new. Callers hold
 * the transaction.
 */
@Singleton
class MarkWriter {
    private final MarkStore store;
    private final ChainStore chain;
    private final TallyStore tallies;
    private final Clock clock;
    private final List<MarkListener> listeners;
    private final LedgerKeys keys;
    private final List<PendingExplanations> explanations;

    MarkWriter(MarkStore store, ChainStore chain, TallyStore tallies, Clock clock, List<MarkListener> listeners, LedgerKeys keys, List<PendingExplanations> explanations) {
        this.store = store;
        this.chain = chain;
        this.tallies = tallies;
        this.clock = clock;
        this.listeners = listeners;
        this.keys = keys;
        this.explanations = explanations;
    }

    /** Writes the changes (skipping those that change nothing) and returns the marks as now stored. */
    List<MarkRow> write(List<MarkChange> changes, String changedBy) {
        return write(changes, changedBy, Set.of());
    }

    /**
     * As {@link #write(List, String)}; {@code headsSeen}: the pupils whose chain heads the caller read in this
     * transaction, so when every written pupil has one they are locked in one statement, without the creating upsert.
     */
    List<MarkRow> write(List<MarkChange> changes, String changedBy, Set<Long> headsSeen) {
        try {
            return writeInOrder(changes, changedBy, headsSeen);
        } catch (RuntimeException e) {
            if (has(e, java.sql.SQLTransactionRollbackException.class)) {
                // a deadlock InnoDB broke by rolling us back: resubmitting the same marks is safe (it is idempotent)
                throw new DomainProblem(RegisterProblem.SAVED_AT_THE_SAME_MOMENT, "Another save touching the same pupils ran at the same moment; "
                        + "nothing was saved. Send the same request again.");
            }
            throw e;
        }
    }

    private List<MarkRow> writeInOrder(List<MarkChange> changes, String changedBy, Set<Long> headsSeen) {
        // one order for every writer (pupil, date, session), so two saves over the same pupils queue rather than deadlock
        List<MarkChange> real = changes.stream().filter(c -> !c.changesNothing())
                .sorted(java.util.Comparator.comparingLong(MarkChange::pupilId).thenComparing(MarkChange::date).thenComparing(MarkChange::session)).toList();
        if (real.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Set<Long> pupils = new java.util.TreeSet<>();
        real.forEach(c -> pupils.add(c.pupilId()));
        Map<Long, ChainHead> heads = new HashMap<>(chain.lockHeads(real.get(0).schoolId(), pupils, headsSeen.containsAll(pupils)));

        List<MarkRow> inserts = new ArrayList<>();
        List<MarkRow> updates = new ArrayList<>();
        List<HistoryRow> history = new ArrayList<>();
        Map<String, WeekRow> weeks = new java.util.TreeMap<>();
        Map<String, Tally> years = new java.util.TreeMap<>();
        for (MarkChange c : real) {
            MarkRow row = new MarkRow(c.current() == null ? null : c.current().id(), c.schoolId(), c.pupilId(), c.registerGroupId(), c.date(), c.session(),
                    c.code(), c.minutesLate(), c.arrivedAt(), c.source(), c.current() == null ? 1 : c.current().version() + 1, changedBy, now);
            (c.current() == null ? inserts : updates).add(row);

            ChainHead head = heads.get(c.pupilId());
            long seq = head == null ? 1 : head.seq() + 1;
            String prev = head == null ? HistoryChain.GENESIS : head.hash();
            String oldCode = c.current() == null ? null : c.current().code();
            int oldMinutes = c.current() == null ? 0 : c.current().minutesLate();
            HistoryChain.Entry entry = new HistoryChain.Entry(c.pupilId(), seq, c.date().toString(), c.session(), oldCode, c.code(), oldMinutes,
                    c.minutesLate(), c.reason(), changedBy, now.getEpochSecond(), prev, null, null);
            HistoryChain.Entry linked = HistoryChain.sealNew(entry, keys.keyring());
            String hash = linked.hash();
            history.add(new HistoryRow(c.schoolId(), c.pupilId(), seq, c.date(), c.session(), oldCode, c.code(), oldMinutes, c.minutesLate(),
                    c.reason(), changedBy, now, prev, linked.keyId(), hash));
            heads.put(c.pupilId(), new ChainHead(c.pupilId(), c.schoolId(), seq, hash));

            Tally delta = tally(c.code(), c.minutesLate(), c.date());
            if (c.current() != null) {
                delta = delta.minus(tally(c.current().code(), c.current().minutesLate(), c.date()));
            }
            LocalDate week = weekOf(c.date());
            Tally d = delta;
            years.merge(c.pupilId() + "|" + c.schoolId() + "|" + SchoolCalendar.academicYearOf(c.date()), d, Tally::plus);
            weeks.merge(c.pupilId() + "/" + week, new WeekRow(c.pupilId(), week, c.schoolId(), d),
                    (a, b) -> new WeekRow(a.pupilId(), a.weekStart(), a.schoolId(), a.tally().plus(b.tally())));
        }
        List<Long> stale = store.updateMarks(updates);
        if (!stale.isEmpty()) {
            throw new DomainProblem(RegisterProblem.STALE_MARK, "The marks of pupils " + stale + " were changed by someone else after you loaded them");
        }
        try {
            store.insertMarks(inserts);
        } catch (RuntimeException e) {
            if (isDuplicate(e)) {
                throw new DomainProblem(RegisterProblem.STALE_MARK, "Someone recorded some of these marks at the same moment; reload the register");
            }
            throw e;
        }
        chain.appendHistory(history);
        tallies.addToWeeks(weeks.values());
        tallies.addToYears(years);
        if (!listeners.isEmpty()) {
            List<MarkChanged> told = real.stream().map(c -> new MarkChanged(c.schoolId(), c.pupilId(), c.registerGroupId(), c.date(),
                    c.session(), c.current() == null ? null : c.current().code(), c.code(), c.source(), changedBy)).toList();
            listeners.forEach(l -> l.marksWritten(told));
        }
        List<MarkRow> written = new ArrayList<>(inserts);
        written.addAll(updates);
        return explainNs(real.get(0).schoolId(), written, pupils);
    }

    /**
     * An N entered for a session an explanation already covers (a family reported before the register) takes the
     * explanation's code at once, as an amendment by the system with the explanation as its reason: the history keeps
     * the N the teacher entered, then the amendment. Whatever path wrote the N, it lands here.
     */
    private List<MarkRow> explainNs(long schoolId, List<MarkRow> written, Set<Long> headsExist) {
        if (explanations.isEmpty()) {
            return written;
        }
        List<PendingExplanations.Written> ns = written.stream().filter(m -> "N".equals(m.code()))
                .map(m -> new PendingExplanations.Written(m.pupilId(), m.date(), m.session())).toList();
        if (ns.isEmpty()) {
            return written;
        }
        Map<String, PendingExplanations.Explanation> found = new java.util.LinkedHashMap<>();
        for (PendingExplanations p : explanations) {
            p.explaining(schoolId, ns).forEach(e -> found.putIfAbsent(key(e.pupilId(), e.date(), e.session()), e));
        }
        if (found.isEmpty()) {
            return written;
        }
        // a first entry carries no id until read back, so amend the marks as now stored
        Map<String, List<PendingExplanations.Explanation>> bySession = new java.util.TreeMap<>();
        found.values().forEach(e -> bySession.computeIfAbsent(e.date() + "|" + e.session(), k -> new ArrayList<>()).add(e));
        Map<String, List<MarkChange>> byWho = new java.util.TreeMap<>();
        for (List<PendingExplanations.Explanation> group : bySession.values()) {
            PendingExplanations.Explanation first = group.get(0);
            Map<Long, MarkRow> stored = store.marks(schoolId, first.date(), first.session(), group.stream().map(PendingExplanations.Explanation::pupilId).toList());
            for (PendingExplanations.Explanation e : group) {
                MarkRow current = stored.get(e.pupilId());
                if (current == null || !"N".equals(current.code()) || "N".equals(e.code()) || CodeCatalogue.on(e.code(), e.date()).isEmpty()) {
                    continue;
                }
                byWho.computeIfAbsent(e.by(), k -> new ArrayList<>()).add(new MarkChange(schoolId, e.pupilId(), current.registerGroupId(), e.date(),
                        e.session(), current, e.code(), 0, current.arrivedAt(), "SYSTEM", e.reason()));
            }
        }
        Map<String, MarkRow> out = new java.util.LinkedHashMap<>();
        written.forEach(m -> out.put(key(m.pupilId(), m.date(), m.session()), m));
        // the heads of these pupils were created and locked above
        byWho.forEach((by, changes) -> writeInOrder(changes, by, headsExist).forEach(m -> out.put(key(m.pupilId(), m.date(), m.session()), m)));
        return new ArrayList<>(out.values());
    }

    private static String key(long pupilId, LocalDate date, String session) {
        return pupilId + "|" + date + "|" + session;
    }

    static LocalDate weekOf(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    static Tally tally(String code, int minutesLate, LocalDate date) {
        return CodeCatalogue.on(code, date).map(c -> Tally.of(c, minutesLate))
                .orElseThrow(() -> new IllegalStateException("code " + code + " has no meaning on " + date));
    }

    private static boolean isDuplicate(Throwable e) {
        return has(e, java.sql.SQLIntegrityConstraintViolationException.class);
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
