package uk.openattendance.letters.app;

import java.util.List;

/** Letters went to their families: EMAIL (queued with their PDF) or POST (in a print run). Published inside the sending transaction. */
public record LettersSent(long schoolId, List<Sent> letters, String delivery) {
    public record Sent(long letterId, long pupilId, String kind) {}
}
