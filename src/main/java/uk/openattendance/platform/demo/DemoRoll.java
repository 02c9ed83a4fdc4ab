package uk.openattendance.platform.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/**
 * Fictional pupils and contacts as CSV, made deterministically from a seed: invented names, mobiles only from Ofcom's
 * drama range (07700 900000-900999) and emails at example.org.
 */
final class DemoRoll {
    /** Girls' and boys' names alternate, so a forename's index gives the census sex the demo records (even F, odd M). */
    private static final List<String> FORENAMES = List.of("Ava", "Noah", "Isla", "Leo", "Mia", "Arlo", "Ivy", "Finn", "Ruby", "Theo", "Nia", "Ezra",
            "Maya", "Otis", "Esme", "Kai", "Lola", "Reuben", "Zara", "Jude", "Elsie", "Rafe", "Cora", "Ned");
    private static final List<String> SURNAMES = List.of("Ashdown", "Brackley", "Carrow", "Dunmore", "Elstow", "Fenwick", "Garside", "Holloway",
            "Ingleby", "Jessop", "Kettering", "Lowther", "Marlowe", "Northcott", "Oakhurst", "Penrose", "Quarrie", "Redfern", "Stanmore", "Thackray");

    private DemoRoll() {}

    record Csvs(String pupils, String contacts) {}

    static Csvs make(int schoolNumber, int pupils, List<String> registerGroups, List<String> yearGroups, LocalDate admitted) {
        Random random = new Random(1000L + schoolNumber);
        StringBuilder p = new StringBuilder("upn,legal_forename,legal_surname,date_of_birth,sex,year_group,register_group,form,start_date,"
                + "pupil_premium,send,free_school_meals,eal,looked_after,has_social_worker,young_carer,vulnerable\n");
        StringBuilder c = new StringBuilder("upn,name,relationship,parental_responsibility,lives_with_pupil,priority,mobile,email,no_contact\n");
        int family = 0;
        String surname = "";
        for (int i = 0; i < pupils; i++) {
            boolean sibling = i > 0 && random.nextInt(5) == 0; // about one pupil in five shares a family with the one before
            if (!sibling) {
                family++;
                surname = SURNAMES.get(random.nextInt(SURNAMES.size()));
            }
            int groupIndex = i * registerGroups.size() / pupils;
            String year = yearGroups.get(i * yearGroups.size() / pupils);
            String upn = String.format("Z9%02d%09d", schoolNumber, i + 1);
            int forename = random.nextInt(FORENAMES.size());
            p.append(String.join(",", upn, FORENAMES.get(forename), surname,
                    dateOfBirth(year, admitted, random).toString(), forename % 2 == 0 ? "F" : "M", year, registerGroups.get(groupIndex), year + "-" + (char) ('A' + random.nextInt(2)),
                    admitted.toString(), yn(random, 25), random.nextInt(8) == 0 ? "SEN_SUPPORT" : random.nextInt(40) == 0 ? "EHCP" : "NONE",
                    yn(random, 20), yn(random, 15), yn(random, 2), yn(random, 3), yn(random, 3), yn(random, 5))).append('\n');
            String mobile = String.format("07700 9%05d", family % 1000);
            String parent = FORENAMES.get(family % FORENAMES.size()) + " " + surname;
            c.append(String.join(",", upn, parent, family % 3 == 0 ? "Father" : "Mother", "Y", "Y", "1", mobile,
                    "family" + family + ".school" + schoolNumber + "@example.org", "N")).append('\n');
            if (family % 4 == 0) {
                c.append(String.join(",", upn, "Grandparent " + surname, "Grandparent", "N", "N", "2",
                        String.format("07700 9%05d", (family + 500) % 1000), "", "N")).append('\n');
            }
        }
        return new Csvs(p.toString(), c.toString());
    }

    private static LocalDate dateOfBirth(String year, LocalDate admitted, Random random) {
        int age = switch (year) {
            case "N1" -> 3;
            case "N2", "R" -> 4;
            default -> 4 + Integer.parseInt(year);
        };
        return LocalDate.of(admitted.getYear() - age - 1, 9, 1).plusDays(random.nextInt(365));
    }

    private static String yn(Random random, int percent) {
        return random.nextInt(100) < percent ? "Y" : "N";
    }
}
