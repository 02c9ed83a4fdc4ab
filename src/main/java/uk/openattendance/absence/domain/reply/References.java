package uk.openattendance.absence.domain.reply;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fourth layer: which children a clause is about. Names first (through {@link Names}); then words for several
 * children ("both", "the kids", "my two", "all three", "the twins", "they") mean the children marked absent; "the
 * boys", "the girls" those of that sex among them; "he", "she" the one child a previous clause named, or else the one
 * absent child of that sex, and nobody when two fit (a person reads it).
 */
public final class References {
    private References() {}

    /**
     * The children a clause binds to. {@code ambiguous}: it refers to a child the reader cannot place (a misspelling
     * fitting two children, "he" with two absent boys, "one of them"); {@code explicit}: it names or refers to them
     * itself rather than inheriting from a previous clause.
     */
    public record Binding(List<RollChild> children, List<RollChild> candidates, boolean ambiguous, boolean explicit) {
        static Binding none() {
            return new Binding(List.of(), List.of(), false, false);
        }

        static Binding of(List<RollChild> children, boolean explicit) {
            return new Binding(List.copyOf(children), List.of(), false, explicit);
        }

        static Binding unclear(List<RollChild> candidates) {
            return new Binding(List.of(), List.copyOf(candidates), true, true);
        }
    }

    private static final Pattern GROUP = Pattern.compile(
            "(?<![\\w'])(?:both|both of them|the kids|the children|kids|children|my kids|my children|our kids|our children|my two|our two|"
                    + "all three|all 3|all four|all 4|all of them|all of mine|neither of (?:them|mine)|none of them|all my|the twins|twins|the two of them|the three of them|"
                    + "they|them|their|the little ones|my (?:boys|girls) and|the lot of them)(?![\\w'])");
    private static final Pattern BOYS = Pattern.compile("(?<![\\w'])(?:the boys|my boys|both boys|the lads|my sons|both my sons)(?![\\w'])");
    private static final Pattern GIRLS = Pattern.compile("(?<![\\w'])(?:the girls|my girls|both girls|my daughters|both my daughters)(?![\\w'])");
    private static final Pattern ONE_OF = Pattern.compile("(?<![\\w'])(?:one of (?:them|the kids|the children|my|our|the (?:boys|girls|twins))|the other one|either)(?![\\w'])");
    private static final Pattern HE = Pattern.compile("(?<![\\w'])(?:he|him|his|himself|my son|my boy|the boy|my little boy|our son)(?![\\w'])");
    private static final Pattern SHE = Pattern.compile("(?<![\\w'])(?:she|her|herself|my daughter|my girl|the girl|my little girl|our daughter)(?![\\w'])");

    public static Binding bind(String clause, List<RollChild> roll, List<RollChild> previouslyNamed) {
        Set<RollChild> named = new LinkedHashSet<>();
        Set<RollChild> candidates = new LinkedHashSet<>();
        boolean ambiguous = false;
        String[] tokens = clause.split("[\\s,.!?;:()/]+");
        for (int i = 0; i < tokens.length; i++) {
            Optional<Names.Match> m = Names.match(i, tokens[i], roll);
            if (m.isPresent()) {
                if (m.get().ambiguous()) {
                    ambiguous = true;
                    candidates.addAll(m.get().candidates());
                } else {
                    named.add(m.get().child().get());
                }
            }
        }
        List<RollChild> absent = roll.stream().filter(RollChild::markedAbsent).toList();
        if (ONE_OF.matcher(clause).find()) {
            return Binding.unclear(absent);
        }
        if (!named.isEmpty()) {
            // "Kai and his sister": the names are the subject; a misspelling beside them still needs a person
            return ambiguous ? new Binding(List.copyOf(named), List.copyOf(candidates), true, true) : Binding.of(List.copyOf(named), true);
        }
        if (ambiguous) {
            return Binding.unclear(List.copyOf(candidates));
        }
        Matcher sibling = SIBLING.matcher(clause);
        if (sibling.find()) {
            RollChild.Sex sex = sibling.group(1).equals("brother") ? RollChild.Sex.MALE : RollChild.Sex.FEMALE;
            List<RollChild> fit = roll.stream().filter(c -> c.sex() == sex && !previouslyNamed.contains(c)).toList();
            return fit.size() == 1 ? Binding.of(fit, true) : Binding.unclear(fit);
        }
        Matcher others = OTHERS.matcher(clause);
        if (others.find()) {
            List<RollChild> rest = roll.stream().filter(c -> !previouslyNamed.contains(c)).toList();
            int count = count(others.group());
            return count > 0 && count != rest.size() ? Binding.unclear(rest) : Binding.of(rest, true);
        }
        if (NOT_ON_ROLL.matcher(clause).find()) {
            // "the baby's at nursery", "the eldest is in": about someone, but no child the reader can place as absent
            List<RollChild> present = roll.stream().filter(c -> !c.markedAbsent()).toList();
            return present.size() == 1 ? Binding.of(present, true) : new Binding(List.of(), List.of(), false, true);
        }
        if (BOYS.matcher(clause).find()) {
            return ofSex(absent, RollChild.Sex.MALE);
        }
        if (GIRLS.matcher(clause).find()) {
            return ofSex(absent, RollChild.Sex.FEMALE);
        }
        Matcher group = GROUP.matcher(clause);
        if (group.find()) {
            int count = count(clause);
            boolean all = ALL.matcher(clause).find();
            if (count > 0) {
                if (count == absent.size()) {
                    return Binding.of(absent, true);
                }
                if (count == roll.size()) {
                    return Binding.of(roll, true);
                }
                return Binding.unclear(absent);
            }
            if (all) {
                return Binding.of(roll, true);
            }
            return Binding.of(absent.isEmpty() ? roll : absent, true);
        }
        Matcher he = HE.matcher(clause);
        Matcher she = SHE.matcher(clause);
        boolean saysHe = he.find();
        boolean saysShe = she.find();
        if (saysHe || saysShe) {
            if (saysHe && saysShe) {
                // "he is with her dad": the subject is the first pronoun
                saysShe = she.start() < he.start();
                saysHe = !saysShe;
            }
            RollChild.Sex sex = saysHe ? RollChild.Sex.MALE : RollChild.Sex.FEMALE;
            if (previouslyNamed.size() == 1 && fits(previouslyNamed.get(0), sex)) {
                return new Binding(previouslyNamed, List.of(), false, false);
            }
            List<RollChild> fit = absent.stream().filter(c -> c.sex() == sex).toList();
            if (fit.size() == 1) {
                return Binding.of(fit, true);
            }
            List<RollChild> unknown = absent.stream().filter(c -> c.sex() == RollChild.Sex.UNKNOWN).toList();
            if (fit.isEmpty() && absent.size() == 1 && unknown.size() == 1) {
                return Binding.of(unknown, true);
            }
            return Binding.unclear(fit.isEmpty() ? absent : fit);
        }
        return Binding.none();
    }

    /** The number a group reference states ("both", "my two", "all three"), or 0 when it states none. */
    static int count(String clause) {
        Matcher m = COUNT.matcher(clause);
        if (!m.find()) {
            return 0;
        }
        String n = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
        return switch (n) {
            case "both", "two", "2", "twins", "neither" -> 2;
            case "three", "3" -> 3;
            case "four", "4" -> 4;
            case "five", "5" -> 5;
            default -> 0;
        };
    }

    private static final Pattern COUNT = Pattern.compile("(?<![\\w'])(?:(both|neither|twins)|(?:my|our|the|all|all of the|these|those|other) (two|three|four|five|2|3|4|5)|(two|three|four|five) of them)(?![\\w'])");
    private static final Pattern ALL = Pattern.compile("(?<![\\w'])(?:all|all of them|all of mine|none of them|everyone)(?![\\w'])");
    private static final Pattern SIBLING = Pattern.compile("(?<![\\w'])(?:his|her|their|the) (?:little |big |older |younger )?(brother|sister)(?![\\w'])");
    private static final Pattern OTHERS = Pattern.compile("(?<![\\w'])(?:the other (?:two|three|one|2|3)|the others|the other kids|the rest(?! of))(?![\\w'])");
    private static final Pattern NOT_ON_ROLL = Pattern.compile("(?<![\\w'])(?:the baby|baby|the eldest|the oldest|the youngest|my eldest|my youngest|my oldest)(?![\\w'])");

    private static boolean mentionsSeveral(String clause) {
        return clause.matches(".*\\b(?:both|my two|our two|all three|all 3|twins|the two of them)\\b.*");
    }

    private static Binding ofSex(List<RollChild> absent, RollChild.Sex sex) {
        List<RollChild> fit = absent.stream().filter(c -> c.sex() == sex).toList();
        return fit.isEmpty() ? Binding.unclear(absent) : Binding.of(fit, true);
    }

    private static boolean fits(RollChild c, RollChild.Sex sex) {
        return c.sex() == sex || c.sex() == RollChild.Sex.UNKNOWN;
    }
}
