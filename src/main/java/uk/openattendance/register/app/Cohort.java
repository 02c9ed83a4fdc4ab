package uk.openattendance.register.app;

import java.util.function.Predicate;
import uk.openattendance.roll.app.PupilView;
import uk.openattendance.roll.domain.SendStatus;

/** The characteristic groups the DfE and Ofsted ask schools to compare. */
public enum Cohort {
    PUPIL_PREMIUM(p -> p.characteristics().pupilPremium()),
    SEND(p -> p.characteristics().send() != SendStatus.NONE),
    EHCP(p -> p.characteristics().send() == SendStatus.EHCP),
    FREE_SCHOOL_MEALS(p -> p.characteristics().freeSchoolMeals()),
    EAL(p -> p.characteristics().eal()),
    LOOKED_AFTER(p -> p.characteristics().lookedAfter()),
    CHILD_IN_NEED(p -> p.characteristics().childInNeed() || p.characteristics().hasSocialWorker()),
    YOUNG_CARER(p -> p.characteristics().youngCarer()),
    VULNERABLE(PupilView::vulnerable);

    private final Predicate<PupilView> member;

    Cohort(Predicate<PupilView> member) {
        this.member = member;
    }

    public boolean includes(PupilView pupil) {
        return member.test(pupil);
    }
}
