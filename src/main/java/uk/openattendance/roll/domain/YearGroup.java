package uk.openattendance.roll.domain;

import java.util.Set;

/** National curriculum year as the DfE census spells it: N1, N2, R, 1 to 14. */
public final class YearGroup {
    private static final Set<String> VALUES = Set.of("N1", "N2", "R", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14");
    public static final String EXPECTED = "one of N1, N2, R, 1 to 14";

    private YearGroup() {}

    public static boolean isValid(String yearGroup) {
        return yearGroup != null && VALUES.contains(yearGroup);
    }
}
