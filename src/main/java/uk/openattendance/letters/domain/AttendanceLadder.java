package uk.openattendance.letters.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import uk.openattendance.school.domain.LetterLevel;

/**
 * The school's attendance letters as a ladder of thresholds. A letter is due when attendance crosses into a level
 * deeper than the one it stood at (not again while it stays there); recovering and falling again is a new crossing.
 * With {@code sameLevelRepeats} set, a level already sent that many times in succession is treated as the next level
 * down (one preset: 'twice in succession, then as below 90%'). Pure: the caller loads and saves the state.
 */
public final class AttendanceLadder {
    private final List<LetterLevel> levels; // shallowest (highest threshold) first
    private final Integer sameLevelRepeats;

    public AttendanceLadder(List<LetterLevel> levels, Integer sameLevelRepeats) {
        this.levels = levels.stream().sorted((a, b) -> b.attendanceBelow().compareTo(a.attendanceBelow())).toList();
        this.sameLevelRepeats = sameLevelRepeats;
    }

    /** A letter to draft: the level it is for, the level reached (they differ when escalated), and the crossing's number. */
    public record Due(LetterLevel level, LetterLevel reached, boolean escalated, int crossing) {}

    public record Step(LadderState next, Optional<Due> due) {}

    public Step step(LadderState state, BigDecimal attendancePercent) {
        LetterLevel reached = deepestReached(attendancePercent);
        String reachedKey = reached == null ? null : reached.key();
        boolean deeper = reached != null && (state.currentLevel() == null || depth(reachedKey) > depth(state.currentLevel()));
        if (!deeper) {
            return new Step(new LadderState(reachedKey, state.lastSentLevel(), state.sameLevelRun(), state.crossings()), Optional.empty());
        }
        LetterLevel letter = reached;
        boolean escalated = false;
        if (sameLevelRepeats != null && reachedKey.equals(state.lastSentLevel()) && state.sameLevelRun() >= sameLevelRepeats
                && depth(reachedKey) + 1 < levels.size()) {
            letter = levels.get(depth(reachedKey) + 1);
            escalated = true;
        }
        int run = letter.key().equals(state.lastSentLevel()) ? state.sameLevelRun() + 1 : 1;
        int crossing = state.crossings() + 1;
        return new Step(new LadderState(reachedKey, letter.key(), run, crossing), Optional.of(new Due(letter, reached, escalated, crossing)));
    }

    private LetterLevel deepestReached(BigDecimal percent) {
        LetterLevel deepest = null;
        for (LetterLevel l : levels) {
            if (l.reachedBy(percent)) {
                deepest = l;
            }
        }
        return deepest;
    }

    private int depth(String key) {
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }
}
