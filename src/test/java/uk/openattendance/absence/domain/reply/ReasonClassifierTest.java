package uk.openattendance.absence.domain.reply;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReasonClassifierTest {
    private static Reason reason(String clause) {
        return ReasonClassifier.classify(Normaliser.normalise(clause)).reason();
    }

    @Test
    void kindsOfAppointmentAreMedicalAndAnAppointmentOfNoKindIsUnspecified() {
        assertThat(reason("she has her orthoptist appointment at 9")).isEqualTo(Reason.MEDICAL);
        assertThat(reason("he has audiology at 10")).isEqualTo(Reason.MEDICAL);
        assertThat(reason("he has an appointment at 10")).isEqualTo(Reason.APPOINTMENT);
    }

    @Test
    void safeguardingWordsAlwaysWin() {
        assertThat(reason("he is sick and his dad hit him")).isEqualTo(Reason.SAFEGUARDING);
    }

    @Test
    void aFamilySayingTheChildIsInSchoolIsSaidInSchool() {
        assertThat(reason("i dropped him at the gate")).isEqualTo(Reason.IN_SCHOOL);
        assertThat(reason("she won't be in school today")).isNotEqualTo(Reason.IN_SCHOOL);
    }

    @Test
    void reasonsThatAreNotAuthorisedAreInvalid() {
        assertThat(reason("no clean uniform")).isEqualTo(Reason.INVALID);
        assertThat(reason("i am ill so cannot take him")).isEqualTo(Reason.INVALID);
        assertThat(reason("our dog died last night")).isEqualTo(Reason.INVALID);
    }

    @Test
    void sicknessOnTheWayInIsALateArrival() {
        assertThat(reason("she was sick in the car, she will be in by 9.30")).isEqualTo(Reason.LATE);
    }

    @Test
    void bereavementAndHolidayAreRecognised() {
        assertThat(reason("my nan passed away")).isEqualTo(Reason.BEREAVEMENT);
        assertThat(reason("we fly to portugal this afternoon")).isEqualTo(Reason.HOLIDAY);
    }

    @Test
    void theModelAloneIsNeverConfidentEnoughToApply() {
        ReasonClassifier.Classification c = ReasonClassifier.classify("he will be off the rest of the week");
        assertThat(c.confidence()).isLessThan(0.8);
    }
}
