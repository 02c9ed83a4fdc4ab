package uk.openattendance.notify.app;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import uk.openattendance.roll.domain.Channel;

/** A message as the sink kept it: exactly what the parent would have received. */
@Schema(example = "{\"id\": 3301, \"channel\": \"SMS\", \"to\": \"+447700900123\", \"subject\": null, \"body\": \"Example Hill Primary: Nia not in school today (Mon 23 Nov) and we have not heard why. Please reply with the reason, or call 020 7946 0000.\", \"purpose\": \"FIRST_DAY_ABSENCE\", \"storedAt\": \"2026-11-23T09:30:01Z\"}")
public record StoredMessageView(long id, Channel channel, String to, @io.micronaut.core.annotation.Nullable String subject, String body, String purpose, Instant storedAt) {}
