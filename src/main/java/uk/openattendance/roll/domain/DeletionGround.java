package uk.openattendance.roll.domain;

/**
 * The grounds on which a pupil's name may be deleted from the admission register (2024 regs, reg. 9), in our own
 * words. The local authority must be told when the ground is met, and no later than the deletion itself.
 */
public enum DeletionGround {
    REGISTERED_AT_ANOTHER_SCHOOL("Registered at another school and no longer attending here"),
    EDUCATED_OTHERWISE("Parent has told the school in writing the child is educated otherwise than at school"),
    MOVED_AWAY("No longer lives a reasonable distance from the school and is registered elsewhere or attending elsewhere"),
    MEDICALLY_UNFIT("Certified unlikely to be fit to attend before ceasing to be of compulsory school age"),
    IN_CUSTODY("In custody for more than four months with no reasonable belief of return"),
    DIED("Has died"),
    CEASED_COMPULSORY_SCHOOL_AGE("Will cease to be of compulsory school age and not continuing at the school"),
    PERMANENTLY_EXCLUDED("Permanently excluded, reviews and appeals concluded"),
    CHILD_MISSING_EDUCATION("Absent for 20 school days in a row, whereabouts unknown after reasonable enquiries with the local authority"),
    NURSERY_NOT_CONTINUING("Nursery pupil not moving into the school's reception class"),
    DUAL_REGISTRATION_ENDED("Dual registration ended by agreement"),
    COMPLETED_FINAL_YEAR("Completed the final year the school provides for"),
    ADMISSION_IN_ERROR("Entered on the register in error");

    private final String meaning;

    DeletionGround(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }
}
