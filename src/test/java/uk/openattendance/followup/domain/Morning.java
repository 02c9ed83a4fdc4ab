package uk.openattendance.followup.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import uk.openattendance.notify.domain.Recipients;
import uk.openattendance.register.domain.Figures;
import uk.openattendance.roll.domain.Channel;

/**
 * One fictional school's morning for the follow-up rules' tables. Children (register group in brackets): Amelia and
 * Ben Okafor (10), Mum's mobile; Cara Price (20), vulnerable; Dev Shah (20), no contact to text; Ella Ward (30), with a
 * social worker; Finn Ward (30), Ella's brother, whose father has parental responsibility but lives apart.
 */
final class Morning {
    private Morning() {}

    static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

    static final Child AMELIA = child(1, "Amelia", "Okafor", null, 10, false, false);
    static final Child BEN = child(2, "Benjamin", "Okafor", "Ben", 10, false, false);
    static final Child CARA = child(3, "Cara", "Price", null, 20, true, false);
    static final Child DEV = child(4, "Dev", "Shah", null, 20, false, false);
    static final Child ELLA = child(5, "Ella", "Ward", null, 30, false, true);
    static final Child FINN = child(6, "Finn", "Ward", null, 30, false, false);
    static final List<Child> ALL = List.of(AMELIA, BEN, CARA, DEV, ELLA, FINN);

    static final Recipients.Contact OKAFOR_MUM = contact(101, "Mum", "07700 900101", "okafor@example.org", true, true, 1);
    static final Recipients.Contact PRICE_GRAN = contact(103, "Grandmother", "07700 900103", null, true, true, 1);
    static final Recipients.Contact WARD_MUM = contact(105, "Mum", "07700 900105", "ward@example.org", true, true, 1);
    static final Recipients.Contact WARD_DAD = contact(106, "Dad", "07700 900106", null, true, false, 2);
    static final Recipients.Contact SOCIAL_WORKER = contact(107, "Social worker", null, "sw@example.org", false, false, 3);

    static final Map<Long, List<Recipients.Contact>> CONTACTS = Map.of(
            1L, List.of(OKAFOR_MUM), 2L, List.of(OKAFOR_MUM), 3L, List.of(PRICE_GRAN), 4L, List.of(),
            5L, List.of(WARD_MUM, WARD_DAD, SOCIAL_WORKER), 6L, List.of(WARD_MUM, WARD_DAD));

    static Child child(long id, String forename, String surname, String preferred, long group, boolean vulnerable, boolean socialWorker) {
        return new Child(id, forename, surname, preferred, (preferred == null ? forename : preferred) + " " + surname, "Y" + (group / 10), group, vulnerable,
                false, false, socialWorker);
    }

    static Recipients.Contact contact(long id, String relationship, String mobile, String email, boolean parentalResponsibility, boolean livesWith,
            int priority) {
        return new Recipients.Contact(id, relationship + " " + id, relationship, parentalResponsibility, livesWith, priority, mobile, email, Channel.SMS, false);
    }

    /** "Amelia Ben" → those children, in that order. */
    static List<Child> children(String names) {
        if (names == null || names.isBlank()) {
            return List.of();
        }
        return Arrays.stream(names.trim().split("\\s+")).map(n -> ALL.stream().filter(c -> c.familyName().equals(n)).findFirst().orElseThrow()).toList();
    }

    static Set<Long> ids(String names) {
        return children(names).stream().map(Child::id).collect(Collectors.toSet());
    }

    static Set<Long> longs(String list) {
        if (list == null || list.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(list.trim().split("\\s+")).map(Long::valueOf).collect(Collectors.toSet());
    }

    /** A message as the tables write it: "101 Amelia and Ben" (contact, then the children's names as the text has them). */
    static String brief(Message m) {
        return m.to().first().contactId() + " " + m.fields().get("children");
    }

    static List<String> briefs(List<Message> messages) {
        return messages.stream().map(Morning::brief).toList();
    }

    /** "101 Amelia and Ben; 103 Cara" → each. */
    static List<String> list(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(";")).map(String::trim).toList();
    }

    /** Figures of a window with {@code possible} sessions of which {@code attended} attended. */
    static Figures figures(int possible, int attended) {
        BigDecimal pct = possible == 0 ? null
                : BigDecimal.valueOf(attended).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(possible), 1, RoundingMode.HALF_UP);
        return new Figures(possible, attended, attended, 0, 0, possible - attended, 0, 0, 0, pct, null, false, false, "");
    }

    static <K, V> Map<K, V> ordered(List<K> keys, java.util.function.Function<K, V> value) {
        Map<K, V> out = new LinkedHashMap<>();
        keys.forEach(k -> out.put(k, value.apply(k)));
        return out;
    }

    static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
