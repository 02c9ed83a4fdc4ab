package uk.openattendance.notify.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import uk.openattendance.roll.domain.Channel;
import uk.openattendance.school.domain.ContactRouting;

/**
 * Who a family message goes to. A contact under a 'no contact' order is never chosen, whatever the routing; a
 * professional (social worker) is not family. Each chosen contact gets their preferred channel first; the plan's
 * fallbacks are what the dispatcher tries when that fails (their other channel, then, for priority-one routing, the
 * next contact by priority).
 */
public final class Recipients {
    private Recipients() {}

    public record Contact(long id, String name, String relationship, boolean parentalResponsibility, boolean livesWithPupil, int priority,
            String mobile, String email, Channel preferred, boolean noContact) {

        boolean isProfessional() {
            String r = relationship == null ? "" : relationship.toLowerCase(Locale.ROOT);
            return r.contains("social worker") || r.contains("professional");
        }

        List<Target> targets() {
            List<Target> out = new ArrayList<>();
            Target sms = mobile == null ? null : new Target(id, Channel.SMS, mobile);
            Target mail = email == null ? null : new Target(id, Channel.EMAIL, email);
            if (preferred == Channel.EMAIL) {
                add(out, mail);
                add(out, sms);
            } else {
                add(out, sms);
                add(out, mail);
            }
            return out;
        }

        private static void add(List<Target> out, Target t) {
            if (t != null) {
                out.add(t);
            }
        }
    }

    public record Target(long contactId, Channel channel, String address) {
        public String encode() {
            return contactId + ":" + channel + ":" + address;
        }

        public static Target decode(String s) {
            String[] p = s.split(":", 3);
            return new Target(Long.parseLong(p[0]), Channel.valueOf(p[1]), p[2]);
        }
    }

    /** One message's first target and what to try after it, in order. */
    public record Plan(Target first, List<Target> fallbacks) {
        public String encodedFallbacks() {
            return String.join("|", fallbacks.stream().map(Target::encode).toList());
        }

        public static List<Target> decodeFallbacks(String encoded) {
            if (encoded == null || encoded.isBlank()) {
                return List.of();
            }
            return java.util.Arrays.stream(encoded.split("\\|")).map(Target::decode).toList();
        }
    }

    public static List<Plan> route(ContactRouting routing, List<Contact> contacts) {
        List<Contact> family = contacts.stream().filter(c -> !c.noContact() && !c.isProfessional())
                .filter(c -> !c.targets().isEmpty())
                .sorted(Comparator.comparingInt(Contact::priority).thenComparingLong(Contact::id)).toList();
        return switch (routing) {
            case PRIORITY_ONE -> {
                if (family.isEmpty()) {
                    yield List.of();
                }
                List<Target> all = family.stream().flatMap(c -> c.targets().stream()).toList();
                yield List.of(new Plan(all.get(0), all.subList(1, all.size())));
            }
            case ALL_WITH_PARENTAL_RESPONSIBILITY -> each(family.stream().filter(Contact::parentalResponsibility).toList());
            case RESIDENT_WITH_PARENTAL_RESPONSIBILITY -> each(family.stream().filter(c -> c.parentalResponsibility() && c.livesWithPupil()).toList());
        };
    }

    /** Professionals to tell about a pupil with a social worker. */
    public static List<Plan> socialWorkers(List<Contact> contacts) {
        return each(contacts.stream().filter(c -> !c.noContact() && c.isProfessional()).toList());
    }

    private static List<Plan> each(List<Contact> chosen) {
        return chosen.stream().map(c -> {
            List<Target> t = c.targets();
            return new Plan(t.get(0), t.subList(1, t.size()));
        }).toList();
    }
}
