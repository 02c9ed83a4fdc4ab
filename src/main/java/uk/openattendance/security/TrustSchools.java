package uk.openattendance.security;

import java.util.List;

/**
 * The schools of a trust, which a trust role or a trust's API client reaches. Security owns this port and the school
 * feature implements it, so security sits below school instead of both importing each other.
 */
public interface TrustSchools {
    /** Ids only, read before any scope exists: resolving the caller is what makes the scopes. */
    List<Long> schoolIdsInTrust(long trustId);
}
