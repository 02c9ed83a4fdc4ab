package uk.openattendance.app.demo;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Fictional pupils and contacts as CSV, made deterministically from a seed: invented names, mobiles only from Ofcom's
 * drama range (07700 900000-900999) and emails at example.org.
 */
final class DemoRoll {
    private static final List<String> FORENAMES = List.of("Ava", "Noah", "Isla", "Leo", "Mia", "Arlo", "Ivy", "Finn", "Ruby", "Theo", "Nia", "Ezra",
            "Maya", "Otis", "Esme", "Kai", "Lola", "Reuben", "Zara", "Jude", "Elsie", "Rafe", "Cora", "Ned");
    private static final List<String> SURNAMES = List.of("Ashdown", "Brackley", "Carrow", "Dunmore", "Elstow", "Fenwick", "Garside", "Holloway",
            "Ingleby", "Jessop", "Kettering", "Lowther", "Marlowe", "Northcott", "Oakhurst", "Penrose", "Quarrie", "Redfern", "Stanmore", "Thackray");

    private DemoRoll() {}

    record Csvs(String pupils, String contacts) {}

    static Csvs make(int schoolNumber, int pupils, List<String> registerGroups, List<String> yearGroups, LocalDate admitted) {
        Random random = new Random(1000L + schoolNumber);
        StringBuilder p = new StringBuilder();
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
            // One pupils.csv column per line, in the order written (the header comes from these names): a new column of
            // the roll import is one more line here. Values are drawn from the seeded random in this order, so add new
            // ones at the end to keep every other value as it was.
            Map<String, String> pupil = new LinkedHashMap<>();
            pupil.put("upn", upn);
            int forename = random.nextInt(FORENAMES.size());
            pupil.put("legal_forename", FORENAMES.get(forename));
            pupil.put("legal_surname", surname);
            pupil.put("date_of_birth", dateOfBirth(year, admitted, random).toString());
            pupil.put("sex", forename % 2 == 0 ? "F" : "M"); // the forename list alternates girls' and boys' names
            pupil.put("year_group", year);
            pupil.put("register_group", registerGroups.get(groupIndex));
            pupil.put("form", year + "-" + (char) ('A' + random.nextInt(2)));
            pupil.put("start_date", admitted.toString());
            pupil.put("pupil_premium", yn(random, 25));
            pupil.put("send", random.nextInt(8) == 0 ? "SEN_SUPPORT" : random.nextInt(40) == 0 ? "EHCP" : "NONE");
            pupil.put("free_school_meals", yn(random, 20));
            pupil.put("eal", yn(random, 15));
            pupil.put("looked_after", yn(random, 2));
            pupil.put("has_social_worker", yn(random, 3));
            pupil.put("young_carer", yn(random, 3));
            pupil.put("vulnerable", yn(random, 5));
            if (p.isEmpty()) {
                p.append(String.join(",", pupil.keySet())).append('\n');
            }
            p.append(String.join(",", pupil.values())).append('\n');
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
