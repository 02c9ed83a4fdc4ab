package uk.openattendance.letters.domain;

/**
 * Where a pupil stands on the school's attendance letter ladder this academic year: the level their attendance has
 * reached now (null when above every threshold), the level last written about, how many times in succession that
 * level was sent, and how many crossings there have been (each crossing is written about once).
 */
public record LadderState(String currentLevel, String lastSentLevel, int sameLevelRun, int crossings) {
    public static LadderState start() {
        return new LadderState(null, null, 0, 0);
    }
}
