package uk.openattendance.register.app;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import uk.openattendance.platform.problem.DomainProblem;
import uk.openattendance.register.domain.CurrentMarks;
import uk.openattendance.register.domain.HistoryChain;
import uk.openattendance.register.domain.LedgerSeal;
import uk.openattendance.register.persistence.ChainHead;
import uk.openattendance.register.persistence.HistoryRow;
import uk.openattendance.register.persistence.MarkRow;
import uk.openattendance.register.persistence.ChainStore;
import uk.openattendance.register.persistence.MarkStore;
import uk.openattendance.roll.app.PupilService;
import uk.openattendance.security.Actor;
import uk.openattendance.security.Permission;
import uk.openattendance.security.SchoolScope;

/**
 * Reads the legal record of a pupil's marks and proves it has not been altered since it was written: every chain
 * re-linked under its keys, every current mark compared with its latest history entry, and, given a seal kept outside
 * the database, every sealed chain still there with its sealed entries.
 */
@Singleton
public class HistoryService {
    private static final int PUPILS_PER_READ = 200;

    private final PupilService pupils;
    private final MarkStore store;
    private final ChainStore chain;
    private final LedgerKeys keys;

    public HistoryService(PupilService pupils, MarkStore store, ChainStore chain, LedgerKeys keys) {
        this.pupils = pupils;
        this.store = store;
        this.chain = chain;
        this.keys = keys;
    }

    public List<HistoryEntryView> history(Actor actor, long schoolId, long pupilId) {
        SchoolScope scope = actor.require(Permission.ATTENDANCE_READ, schoolId, "Pupil", pupilId);
        pupils.pupil(scope, pupilId);
        return chain.history(pupilId).stream().map(HistoryService::view).toList();
    }

    public ChainCheck verifyPupil(Actor actor, long schoolId, long pupilId) {
        SchoolScope scope = actor.require(Permission.ATTENDANCE_READ, schoolId, "Pupil", pupilId);
        pupils.pupil(scope, pupilId);
        return walk(List.of(pupilId), null, null);
    }

    public ChainCheck verifySchool(Actor actor, long schoolId) {
        actor.require(Permission.ATTENDANCE_READ, schoolId, "School", schoolId);
        return walk(chain.pupilsWithRecords(schoolId), null, null);
    }

    /**
     * Checks the school's database against a seal the caller kept: the seal's signature first (a seal that is not
     * exactly as issued is refused), then everything {@link #verifySchool} checks, then every sealed chain.
     */
    public ChainCheck verifySchoolAgainstSeal(Actor actor, long schoolId, LedgerSealDocument document) {
        actor.require(Permission.ATTENDANCE_READ, schoolId, "School", schoolId);
        LedgerSeal.Seal seal = document.toSeal();
        if (document.schoolId() != schoolId) {
            throw DomainProblem.field(RegisterProblem.SEAL_NOT_VALID, "schoolId", "the seal of school " + schoolId + " (this one is of school "
                    + document.schoolId() + ")");
        }
        if (!keys.sealKeyId().equals(document.signingKeyId()) || !LedgerSeal.signatureHolds(seal, keys.sealPublicKey())) {
            throw DomainProblem.field(RegisterProblem.SEAL_NOT_VALID, "signature", "the Ed25519 signature of key " + keys.sealKeyId()
                    + " over the seal exactly as issued");
        }
        TreeSet<Long> ids = new TreeSet<>(chain.pupilsWithRecords(schoolId));
        seal.chains().forEach(c -> ids.add(c.pupilId()));
        Map<Long, LedgerSeal.Chain> sealed = seal.chains().stream().collect(Collectors.toMap(LedgerSeal.Chain::pupilId, c -> c, (a, b) -> a));
        ChainCheck check = walk(new ArrayList<>(ids), sealed, seal.date());
        if (seal.chains().size() != seal.chainCount()) {
            List<ChainCheck.SealFinding> findings = new ArrayList<>(check.sealFindings());
            findings.add(new ChainCheck.SealFinding(0, "the seal lists " + seal.chains().size() + " chains but says " + seal.chainCount()));
            return new ChainCheck(false, check.pupilsChecked(), check.entriesChecked(), check.firstBreak(), check.brokenChains(), check.marksChecked(),
                    check.markMismatchCount(), check.markMismatches(), check.sealDate(), findings);
        }
        return check;
    }

    private ChainCheck walk(List<Long> pupilIds, Map<Long, LedgerSeal.Chain> sealed, String sealDate) {
        HistoryChain.Keyring keyring = keys.keyring();
        long entries = 0;
        long marksChecked = 0;
        int broken = 0;
        int mismatchCount = 0;
        ChainCheck.Break first = null;
        List<ChainCheck.MarkMismatch> mismatches = new ArrayList<>();
        List<ChainCheck.SealFinding> findings = new ArrayList<>();
        for (int from = 0; from < pupilIds.size(); from += PUPILS_PER_READ) {
            List<Long> slice = pupilIds.subList(from, Math.min(pupilIds.size(), from + PUPILS_PER_READ));
            Map<Long, ChainHead> heads = slice.size() == 1 ? single(slice.get(0)) : chain.headsOf(slice);
            Map<Long, List<HistoryChain.Entry>> byPupil = chain.historyOfPupils(slice).stream().map(HistoryService::entry)
                    .collect(Collectors.groupingBy(HistoryChain.Entry::pupilId));
            List<MarkRow> marks = store.allMarksOfPupils(slice);
            marksChecked += marks.size();
            for (Long pupilId : slice) {
                List<HistoryChain.Entry> chain = byPupil.getOrDefault(pupilId, List.of());
                entries += chain.size();
                ChainHead head = heads.get(pupilId);
                Optional<HistoryChain.Break> b = HistoryChain.verify(chain, head == null ? null : head.hash(), keyring);
                if (b.isPresent()) {
                    broken++;
                    if (first == null) {
                        first = new ChainCheck.Break(pupilId, b.get().seq(), b.get().problem());
                    }
                }
            }
            List<CurrentMarks.Mismatch> found = CurrentMarks.compare(marks.stream().map(m -> new CurrentMarks.Mark(m.pupilId(), m.date().toString(),
                    m.session(), m.code(), m.minutesLate())).toList(), byPupil.values().stream().flatMap(List::stream).toList());
            mismatchCount += found.size();
            found.stream().limit(Math.max(0, ChainCheck.MAX_LISTED - mismatches.size()))
                    .forEach(m -> mismatches.add(new ChainCheck.MarkMismatch(m.pupilId(), m.date(), m.session(), m.problem())));
            if (sealed != null) {
                List<LedgerSeal.Chain> inSlice = slice.stream().map(sealed::get).filter(java.util.Objects::nonNull).toList();
                LedgerSeal.checkChains(inSlice, byPupil).forEach(f -> findings.add(new ChainCheck.SealFinding(f.pupilId(), f.problem())));
            }
        }
        boolean intact = first == null && mismatchCount == 0 && findings.isEmpty();
        return new ChainCheck(intact, pupilIds.size(), entries, first, broken, marksChecked, mismatchCount, mismatches, sealDate, findings);
    }

    private Map<Long, ChainHead> single(long pupilId) {
        ChainHead head = chain.head(pupilId);
        return head == null ? Map.of() : Map.of(pupilId, head);
    }

    static HistoryChain.Entry entry(HistoryRow h) {
        return new HistoryChain.Entry(h.pupilId(), h.seq(), h.date().toString(), h.session(), h.oldCode(), h.newCode(), h.oldMinutesLate(), h.newMinutesLate(),
                h.reason(), h.changedBy(), h.changedAt().getEpochSecond(), h.prevHash(), h.keyId(), h.hash());
    }

    private static HistoryEntryView view(HistoryRow h) {
        return new HistoryEntryView(h.seq(), h.date(), h.session(), h.oldCode(), h.newCode(), h.oldMinutesLate(), h.newMinutesLate(), h.reason(), h.changedBy(),
                h.changedAt(), h.keyId(), h.hash());
    }
}
