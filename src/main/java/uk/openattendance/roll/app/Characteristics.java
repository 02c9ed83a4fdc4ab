package uk.openattendance.roll.app;

import io.swagger.v3.oas.annotations.media.Schema;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import uk.openattendance.roll.domain.SendStatus;

/** The cohorts figures are broken down by: pupil premium, SEND, free school meals, EAL, looked after, child in need, social worker, young carer. */
@Introspected
public record Characteristics(
        boolean pupilPremium,
        @Nullable @Schema(type = "string") SendStatus send,
        boolean freeSchoolMeals,
        boolean eal,
        boolean lookedAfter,
        boolean childInNeed,
        boolean hasSocialWorker,
        boolean youngCarer) {

    public Characteristics {
        send = send == null ? SendStatus.NONE : send;
    }

    public static Characteristics none() {
        return new Characteristics(false, SendStatus.NONE, false, false, false, false, false, false);
    }
}
