package uk.openattendance.letters.domain;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import uk.openattendance.school.domain.LetterLevel;

/** A school's letter levels, shallowest (highest threshold) first, and where a percentage falls among them. */
record Levels(List<LetterLevel> inOrder) {
    Levels {
        inOrder = inOrder.stream().sorted(Comparator.comparing(LetterLevel::attendanceBelow).reversed()).toList();
    }

    /** The deepest level the percentage reaches, or null when it is above every threshold. */
    LetterLevel reachedBy(BigDecimal percent) {
        LetterLevel deepest = null;
        for (LetterLevel l : inOrder) {
            if (percent != null && l.reachedBy(percent)) {
                deepest = l;
            }
        }
        return deepest;
    }

    /** 0 for the shallowest level; -1 for none. */
    int depth(String key) {
        for (int i = 0; i < inOrder.size(); i++) {
            if (inOrder.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    boolean deeper(LetterLevel level, String thanKey) {
        return thanKey == null || depth(level.key()) > depth(thanKey);
    }

    /** The level below this one, or null at the bottom of the ladder. */
    LetterLevel below(String key) {
        int d = depth(key);
        return d >= 0 && d + 1 < inOrder.size() ? inOrder.get(d + 1) : null;
    }

    LetterLevel byKey(String key) {
        int d = depth(key);
        return d < 0 ? null : inOrder.get(d);
    }
}
