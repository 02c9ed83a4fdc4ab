package uk.openattendance.notify.provider;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;
import uk.openattendance.notify.app.MessageSink;
import uk.openattendance.notify.app.SendFailure;
import uk.openattendance.notify.domain.OutgoingMessage;
import uk.openattendance.roll.domain.Channel;

/** The "send" sink: texts through Twilio, emails through SMTP. */
@Singleton
@Requires(property = "notify.sink", value = "send")
public class ProviderSink implements MessageSink {
    private final TwilioSms sms;
    private final SmtpMail mail;

    public ProviderSink(TwilioSms sms, SmtpMail mail) {
        this.sms = sms;
        this.mail = mail;
    }

    @Override
    public String send(OutgoingMessage message, long reference) throws SendFailure {
        return message.channel() == Channel.SMS ? sms.send(message) : mail.send(message, reference);
    }

    @Override
    public Optional<String> findAccepted(OutgoingMessage message, Instant since) {
        return message.channel() == Channel.SMS ? sms.findAccepted(message, since) : Optional.empty();
    }

    @Override
    public Lookup lookUp(OutgoingMessage message, long reference, Instant since, java.util.Set<String> recordedElsewhere) {
        return message.channel() == Channel.SMS ? sms.lookUp(message, since, recordedElsewhere) : mail.lookUp();
    }
}
