package uk.openattendance.notify.app;

import java.time.Instant;
import uk.openattendance.roll.domain.Channel;

/** A message as the sink kept it: exactly what the parent would have received. */
public record StoredMessageView(long id, Channel channel, String to, String subject, String body, String purpose, Instant storedAt) {}
