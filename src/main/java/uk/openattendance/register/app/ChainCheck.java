package uk.openattendance.register.app;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The result of checking history chains: {@code firstBreak} names the pupil and entry where the record stops holding;
 * {@code markMismatches} every current mark that is not what its history says (up to {@link #MAX_LISTED}, counted in
 * full); {@code sealFindings} every sealed chain the database no longer bears out, when checked against a seal.
 */
@Schema(example = "{\"intact\": true, \"pupilsChecked\": 212, \"entriesChecked\": 23870, \"firstBreak\": null, \"brokenChains\": 0, \"marksChecked\": 23744, \"markMismatchCount\": 0, \"markMismatches\": [], \"sealDate\": \"2026-11-22\", \"sealFindings\": []}")
public record ChainCheck(boolean intact, int pupilsChecked, long entriesChecked, Break firstBreak, int brokenChains, long marksChecked,
        int markMismatchCount, List<MarkMismatch> markMismatches, String sealDate, List<SealFinding> sealFindings) {
    public static final int MAX_LISTED = 1000;

    public record Break(long pupilId, long seq, String problem) {}

    public record MarkMismatch(long pupilId, String date, String session, String problem) {}

    public record SealFinding(long pupilId, String problem) {}
}
