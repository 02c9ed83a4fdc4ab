package uk.openattendance.register.app;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import uk.openattendance.register.domain.HistoryChain;
import uk.openattendance.register.persistence.ChainHead;
import uk.openattendance.register.persistence.HistoryRow;
import uk.openattendance.register.persistence.MarkStore;
import uk.openattendance.roll.app.PupilService;
import uk.openattendance.security.Actor;
import uk.openattendance.security.Permission;
import uk.openattendance.security.SchoolScope;

/** Reads the legal record of a pupil's marks and proves it has not been altered since it was written. */
@Singleton
public class HistoryService {
    private static final int PUPILS_PER_READ = 200;

    private final PupilService pupils;
    private final MarkStore store;

    public HistoryService(PupilService pupils, MarkStore store) {
        this.pupils = pupils;
        this.store = store;
    }

    public List<HistoryEntryView> history(Actor actor, long schoolId, long pupilId) {
        SchoolScope scope = actor.require(Permission.ATTENDANCE_READ, schoolId, "Pupil", pupilId);
        pupils.pupil(scope, pupilId);
        return store.history(pupilId).stream().map(HistoryService::view).toList();
    }

    public ChainCheck verifyPupil(Actor actor, long schoolId, long pupilId) {
        SchoolScope scope = actor.require(Permission.ATTENDANCE_READ, schoolId, "Pupil", pupilId);
        pupils.pupil(scope, pupilId);
        ChainHead head = store.head(pupilId);
        List<HistoryRow> rows = store.history(pupilId);
        Optional<HistoryChain.Break> broken = HistoryChain.verify(rows.stream().map(HistoryService::entry).toList(), head == null ? null : head.hash());
        return new ChainCheck(broken.isEmpty(), 1, rows.size(), broken.map(b -> new ChainCheck.Break(pupilId, b.seq(), b.problem())).orElse(null));
    }

    public ChainCheck verifySchool(Actor actor, long schoolId) {
        actor.require(Permission.ATTENDANCE_READ, schoolId, "School", schoolId);
        List<ChainHead> heads = store.headsOfSchool(schoolId);
        long entries = 0;
        for (int from = 0; from < heads.size(); from += PUPILS_PER_READ) {
            List<ChainHead> slice = heads.subList(from, Math.min(heads.size(), from + PUPILS_PER_READ));
            Map<Long, List<HistoryRow>> byPupil = store.historyOfPupils(slice.stream().map(ChainHead::pupilId).toList()).stream()
                    .collect(Collectors.groupingBy(HistoryRow::pupilId));
            for (ChainHead head : slice) {
                List<HistoryRow> rows = byPupil.getOrDefault(head.pupilId(), new ArrayList<>());
                entries += rows.size();
                Optional<HistoryChain.Break> broken = HistoryChain.verify(rows.stream().map(HistoryService::entry).toList(), head.hash());
                if (broken.isPresent()) {
                    return new ChainCheck(false, from + slice.indexOf(head) + 1, entries,
                            new ChainCheck.Break(head.pupilId(), broken.get().seq(), broken.get().problem()));
                }
            }
        }
        return new ChainCheck(true, heads.size(), entries, null);
    }

    private static HistoryChain.Entry entry(HistoryRow h) {
        return new HistoryChain.Entry(h.pupilId(), h.seq(), h.date().toString(), h.session(), h.oldCode(), h.newCode(), h.oldMinutesLate(), h.newMinutesLate(),
                h.reason(), h.changedBy(), h.changedAt().getEpochSecond(), h.prevHash(), h.hash());
    }

    private static HistoryEntryView view(HistoryRow h) {
        return new HistoryEntryView(h.seq(), h.date(), h.session(), h.oldCode(), h.newCode(), h.oldMinutesLate(), h.newMinutesLate(), h.reason(), h.changedBy(),
                h.changedAt(), h.hash());
    }
}
