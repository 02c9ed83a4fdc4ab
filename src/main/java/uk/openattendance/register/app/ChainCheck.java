package uk.openattendance.register.app;

/** The result of checking history chains; {@code firstBreak} names the pupil and entry where the record stops holding. */
public record ChainCheck(boolean intact, int pupilsChecked, long entriesChecked, Break firstBreak) {
    public record Break(long pupilId, long seq, String problem) {}
}
