package uk.openattendance.security;

/**
 * Hands a staff member their one-time password link: by email when the service sends for real, on the console when it
 * keeps messages (the embedded demo, or a deployment not yet connected to SMTP).
 */
public interface PasswordLinkSender {
    void send(String email, String displayName, String link, long validMinutes);
}
