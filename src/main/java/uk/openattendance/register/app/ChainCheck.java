package uk.openattendance.register.app;

import java.util.List;

/**
 * The result of checking history chains: {@code firstBreak} names the pupil and entry where the record stops holding;
 * {@code markMismatches} every current mark that is not what its history says (up to {@link #MAX_LISTED}, counted in
 * full); {@code sealFindings} every sealed chain the database no longer bears out, when checked against a seal.
 */
public record ChainCheck(boolean intact, int pupilsChecked, long entriesChecked, Break firstBreak, int brokenChains, long marksChecked,
        int markMismatchCount, List<MarkMismatch> markMismatches, String sealDate, List<SealFinding> sealFindings) {
    public static final int MAX_LISTED = 1000;

    public record Break(long pupilId, long seq, String problem) {}

    public record MarkMismatch(long pupilId, String date, String session, String problem) {}

    public record SealFinding(long pupilId, String problem) {}
}
