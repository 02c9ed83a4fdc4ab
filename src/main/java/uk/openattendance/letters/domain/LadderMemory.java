package uk.openattendance.letters.domain;

import java.time.LocalDate;

/**
 * Where the pupil stood on the ladder after the last run ({@code state}), the date of that run, and where they stood
 * before it. A second run for the same date starts again from {@code before}, so re-running a day never counts as a
 * further run in succession and its letter keeps the same occasion (and is not drafted twice).
 */
public record LadderMemory(LadderState state, LocalDate steppedOn, LadderState before) {
    public static LadderMemory start() {
        return new LadderMemory(LadderState.start(), null, LadderState.start());
    }

    /** The state a run as of {@code asOf} steps from. */
    public LadderState startingPointFor(LocalDate asOf) {
        return asOf.equals(steppedOn) ? before : state;
    }

    /** After a run as of {@code asOf} that left the pupil at {@code next}. */
    public LadderMemory after(LocalDate asOf, LadderState next) {
        return new LadderMemory(next, asOf, startingPointFor(asOf));
    }
}
