package uk.openattendance.followup.domain;

import java.time.LocalTime;
import java.util.Optional;
import uk.openattendance.school.domain.FirstDayChain;

/**
 * The first-day response's steps and when each falls, at the school's own times. Policy 000: "Parents will be
 * informed of their child's absence ... using a text message. If no contact is received by the school by 10.30am, a
 * phone call will be made ... If no contact can be made by 11.00am, the school will take every reasonable step to
 * satisfy themselves that the pupil is safe ... The school should be satisfied with every absent child's safety by
 * 11.30am at the latest." Policy 001 has the same chain with safety "by 10am at the latest".
 */
public enum ChainStep {
    /** "Parents will be informed of their child's absence": the first text, at {@code firstTextAt}. */
    FIRST_TEXT {
        @Override
        public Optional<Due> due(FirstDayChain chain) {
            // a first text after the safe-by time would arrive after the office has already had to act: skipped instead
            return Optional.of(new Due("AM", chain.firstTextAt(), chain.safeBy(), "the safe-by time"));
        }
    },
    /** "a phone call will be made to the primary contact": the office's call list opens at {@code phoneFrom}. */
    CALL_LIST {
        @Override
        public Optional<Due> due(FirstDayChain chain) {
            return Optional.of(new Due("AM", chain.phoneFrom(), END_OF_DAY, "the end of the school day"));
        }
    },
    /** "If no contact can be made by 11.00am ... every reasonable step": the designated lead is told at {@code escalateAt}. */
    ESCALATION {
        @Override
        public Optional<Due> due(FirstDayChain chain) {
            // a school whose escalation and safe-by times coincide gets one alert, at safe-by
            return chain.escalateAt().equals(chain.safeBy()) ? Optional.empty()
                    : Optional.of(new Due("AM", chain.escalateAt(), END_OF_DAY, "the end of the school day"));
        }
    },
    /** "satisfied with every absent child's safety by 11.30am at the latest": the lead is told again at {@code safeBy}. */
    SAFE_BY {
        @Override
        public Optional<Due> due(FirstDayChain chain) {
            return Optional.of(new Due("AM", chain.safeBy(), END_OF_DAY, "the end of the school day"));
        }
    };

    /** After this the chain's steps are of no use that day. */
    public static final LocalTime END_OF_DAY = LocalTime.of(18, 0);

    public abstract Optional<Due> due(FirstDayChain chain);
}
