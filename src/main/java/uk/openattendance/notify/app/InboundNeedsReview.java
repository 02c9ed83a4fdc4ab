package uk.openattendance.notify.app;

import java.util.List;

/**
 * A text a person must read (a reply the reader was unsure of, an unknown sender, a safeguarding hint), published in the
 * transaction that files it. {@code schoolId} is null when it went to a trust's queue.
 */
public record InboundNeedsReview(Long schoolId, Long trustId, long inboundId, boolean urgent, List<String> reasons) {}
