package uk.openattendance.notify.provider;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import jakarta.mail.Authenticator;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import uk.openattendance.notify.app.Attachments;
import uk.openattendance.notify.app.SendFailure;
import uk.openattendance.notify.domain.OutgoingMessage;

/** Email through Jakarta Mail over SMTP. The Message-ID carries our outbox id, so a resend after a crash can be recognised. */
@Singleton
@Requires(property = "notify.sink", value = "send")
public class SmtpMail {
    private final Session session;
    private final String from;
    private final String domain;
    private final List<Attachments> attachments;

    public SmtpMail(List<Attachments> attachments, @Value("${notify.smtp.host}") String host, @Value("${notify.smtp.port}") int port, @Value("${notify.smtp.username}") String username,
            @Value("${notify.smtp.password}") String password, @Value("${notify.smtp.from}") String from, @Value("${notify.smtp.starttls}") boolean starttls,
            @Value("${notify.smtp.timeout:10s}") java.time.Duration timeout) {
        if (host.isBlank() || from.isBlank()) {
            throw new IllegalStateException("notify.sink is 'send' but SMTP_HOST or SMTP_FROM is not set");
        }
        Properties p = new Properties();
        p.put("mail.smtp.host", host);
        p.put("mail.smtp.port", String.valueOf(port));
        p.put("mail.smtp.connectiontimeout", "5000");
        // how long each reply may take; after the message itself, no reply means the outcome is unknown
        p.put("mail.smtp.timeout", String.valueOf(timeout.toMillis()));
        p.put("mail.smtp.starttls.enable", String.valueOf(starttls));
        boolean auth = !username.isBlank();
        p.put("mail.smtp.auth", String.valueOf(auth));
        this.session = auth ? Session.getInstance(p, new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(username, password);
            }
        }) : Session.getInstance(p);
        this.from = from;
        this.attachments = attachments;
        this.domain = from.contains("@") ? from.substring(from.indexOf('@') + 1) : "localhost";
    }

    public String send(OutgoingMessage m, long reference) throws SendFailure {
        String messageId = "<outbox-" + reference + "@" + domain + ">";
        try {
            OutboxMail mail = new OutboxMail(session, messageId);
            mail.setFrom(new InternetAddress(from));
            mail.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(m.to(), true));
            mail.setSubject(m.subject() == null ? "A message from school" : m.subject(), StandardCharsets.UTF_8.name());
            if (m.attachmentRef() == null) {
                mail.setText(m.body(), StandardCharsets.UTF_8.name());
            } else {
                Attachments.Attachment file = attachments.stream().map(a -> a.attachment(m.attachmentRef())).flatMap(Optional::stream).findFirst()
                        .orElseThrow(() -> new SendFailure("the attachment " + m.attachmentRef() + " no longer exists", false, false, null));
                MimeBodyPart text = new MimeBodyPart();
                text.setText(m.body(), StandardCharsets.UTF_8.name());
                MimeBodyPart attached = new MimeBodyPart();
                attached.setDataHandler(new jakarta.activation.DataHandler(new ByteArrayDataSource(file.content(), file.contentType())));
                attached.setFileName(file.fileName());
                mail.setContent(new MimeMultipart(text, attached));
            }
            mail.saveChanges();
            send(mail);
            return messageId;
        } catch (SendFailure f) {
            throw f;
        } catch (SendFailedException e) {
            throw new SendFailure("the mail server refused " + m.to() + ": " + e.getMessage(), false, false, e);
        } catch (jakarta.mail.internet.AddressException e) {
            throw new SendFailure("not an email address: " + m.to(), false, false, e);
        } catch (MessagingException e) {
            throw new SendFailure("the mail server was not reached: " + e.getMessage(), true, false, e);
        }
    }

    /**
     * Connecting, MAIL and RCPT change nothing at the server, so a failure there is safe to retry. Once the server has
     * answered DATA with 354 and the message is on its way, a timeout or dropped connection leaves the outcome unknown.
     */
    private void send(OutboxMail mail) throws MessagingException, SendFailure {
        try (Transport t = session.getTransport("smtp")) {
            t.connect();
            try {
                t.sendMessage(mail, mail.getAllRecipients());
            } catch (SendFailedException e) {
                throw e;
            } catch (MessagingException e) {
                if (mail.transmitting) {
                    throw SendFailure.unknown("the mail server did not confirm the message after it was transmitted: " + e.getMessage(), e);
                }
                throw e;
            }
        }
    }

    /** A message with our outbox id as its Message-ID, which knows whether the server got as far as receiving it. */
    private static final class OutboxMail extends MimeMessage {
        private final String messageId;
        /** Set when the transport writes the content, which it does only after the server's 354 to DATA. */
        volatile boolean transmitting;

        OutboxMail(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }

        @Override
        public void writeTo(java.io.OutputStream os, String[] ignoreList) throws java.io.IOException, MessagingException {
            transmitting = true;
            super.writeTo(os, ignoreList);
        }
    }

    /**
     * SMTP cannot be asked whether it took a message. An email whose outcome is unknown is sent again, with the same
     * Message-ID: every mail server retries in this case (RFC 1047), receiving systems can drop the copy by its
     * Message-ID, and a first-day email that silently never arrived costs more than a second copy of it (unlike a
     * text, which is paid for and read at once on a phone).
     */
    public uk.openattendance.notify.app.MessageSink.Lookup lookUp() {
        return uk.openattendance.notify.app.MessageSink.Lookup.NOT_ACCEPTED;
    }
}
