package uk.openattendance.absence.domain.reply;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stems and phrases per reason. A stem ending in {@code *} matches any ending ("vomit*": vomits, vomiting, vomited), so
 * the lexicon reaches words it does not list; the statistical classifier ({@link ReasonModel}) covers what it still
 * misses. Also the reader's small English word list, so ordinary words are never read as misspelt names.
 */
public final class Lexicon {
    private Lexicon() {}

    static final Map<Reason, Pattern> PATTERNS = new EnumMap<>(Reason.class);
    static final Pattern MEDICAL_KIND;
    static final Pattern UNSPECIFIED_APPOINTMENT;
    static final Pattern FESTIVAL;
    static final Pattern UNNAMED_HOLY_DAY;

    static {
        Map<Reason, String[]> words = new LinkedHashMap<>();
        words.put(Reason.SAFEGUARDING, new String[] {"police", "social services", "social worker", "hit him", "hit her", "hits him", "hits her",
                "hurt him", "hurt her", "hurting him", "hurting her", "abus*", "scared of", "scared to", "frightened", "afraid of", "afraid to",
                "unsafe", "not safe", "missing", "ran away", "run away", "runaway", "do not know where", "dunno where", "no idea where",
                "did not come home", "not come home", "has not come home", "not been home", "not home last night", "domestic", "violen*",
                "self harm*", "self-harm*", "selfharm*", "cutting herself", "cutting himself", "crisis", "suicid*", "kill himself",
                "kill herself", "kicked out", "threat*", "assault*", "bruis*", "refuge", "custody", "took him and", "took her and",
                "snatched", "ambulance", "overdose", "arrested", "locked in", "bullied", "bully*", "groom*", "touched him",
                "touched her", "inappropriate*", "strange man", "won't tell me where", "will not tell me where", "wont tell me where",
                "not allowed to see", "court order", "injunction", "safeguard*", "harm himself", "harm herself", "not eating", "starv*",
                "drunk", "drugs", "hiding", "emergency accommodation", "homeless", "evicted", "scared at home", "at risk", "to help me",
                "cannot get out of bed", "young carer", "caring for me", "look after me", "helping (?:his|her|their) \\w+ (?:at|with)",
                "short staffed", "car wash", "voicemail", "cannot reach", "cannot get hold", "not answering",
                "have not seen (?:him|her|them)", "not seen (?:him|her|them) since", "sort (?:some|something|things|stuff) out",
                "not sure when (?:\\w+ )?(?:we|he|she|they) (?:will|would) be back", "refus\\w* to bring", "(?:will not|would not|not) bring (?:him|her|them) back",
                "cannot go back to the house", "staying at a friend", "(?:dad|father|mum|mother) has (?:him|her|them) and",
                "(?:dad|father|mum|mother) has the kids", "marks on", "a and e after a (?:fall|fight)", "sexual*",
                "pregnan*", "boyfriend", "girlfriend", "older man", "older boys", "gang*", "county lines", "knife", "weapon*", "slapped", "punched",
                "black eye", "cannot find (?:him|her|them)", "stayed out", "ran off", "wants? to die", "taken into care", "foster*",
                "no food", "(?:will not|would not|won't) give (?:him|her|them) back", "locked (?:in|out)", "fighting at home", "shouting at (?:him|her)",
                "hits? (?:him|her|them|me)", "hurt (?:him|her)self", "hurting (?:him|her)self", "kicked (?:him|her)", "marks on (?:him|her)",
                "scared", "frightened", "terrified", "smashed", "had (?:a|another) (?:\\w+ )?row", "rowing", "nobody knows where", "not come back", "hasn't come back", "has not come back", "not returned"});
        words.put(Reason.IN_SCHOOL, new String[] {"in school", "at school already", "already at school", "already in", "is there already",
                "dropped (?:him|her|them|\\w+) (?:off )?(?:at|to) (?:the )?(?:gate|school|door|class)", "dropped (?:him|her|them) off",
                "took (?:him|her|them) to school", "walked (?:him|her|them) (?:in|to school)", "went (?:in|into school|to school) (?:this morning|today)",
                "is in class", "in class", "should be in school", "should be there",
                "left for school", "left the house for school", "got the bus to school", "on the register", "signed in", "he is at school",
                "she is at school", "they are at school", "definitely there", "marked absent by mistake",
                "should not be absent", "he is there", "she is there", "they are there", "went in this morning", "went in", "collect (?:him|her|them) (?:at|from|before)", "pick (?:him|her|them) up (?:at|from|before)",
                "picking (?:him|her|them) up (?:at|from|before)", "dropped (?:him|her|them) (?:off )?at \\d", "got the bus (?:this morning|to school|at)",
                "left for school", "left the house at", "walked to school", "went to school", "took (?:him|her|them) in (?:this morning|at \\d)",
                "is at school", "was at school", "should be in", "at school today", "in school today", "is in class", "in class now", "definitely in", "is in$", "are in$", "\\w+'s in$", "\\w+'s in with", "already there", "walked (?:him|her|them) in",
                "is at breakfast club", "at breakfast club", "in breakfast club", "in the building"});
        words.put(Reason.BEREAVEMENT, new String[] {"funeral", "passed away", "passed", "died", "dying", "death", "bereave*", "lost (?:his|her|their|my|our) (?:nan|nana|grandad|granddad|grandma|grandmother|grandfather|uncle|aunt|auntie|dad|mum|brother|sister|cousin|gran)",
                "mourning", "loss in the family", "rip", "wake", "burial", "grieving", "janaza", "janazah", "cremat*", "memorial", "laid to rest", "last respects", "sitting shiva", "shiva", "condolence*"});
        words.put(Reason.HOLIDAY, new String[] {"holiday*", "hols", "vacation", "abroad", "flight*", "airport", "plane", "going away", "gone away",
                "away with", "visiting family in", "visiting (?:his|her|their|our) (?:grand\\w+|family|relatives) in", "back from \\w+", "in spain",
                "in turkey", "in pakistan", "in india", "in poland", "in romania", "in portugal", "in bangladesh", "in jamaica", "in nigeria",
                "in dubai", "in florida", "in tenerife", "cruise", "fly to", "we fly", "flew", "fly out", "flying out", "long weekend", "term time holiday", "trip to", "travel*", "family trip",
                "disneyland", "disney", "center parcs", "centre parcs", "caravan", "camping", "ski*", "weekend away", "week away", "days away",
                "out of the country", "out of country", "overseas", "gone to \\w+ for", "flying", "we are in \\w+ (?:for|till|until|and|visiting)",
                "we are away", "away (?:for|till|until) ", "in \\w+ for the week", "term time"});
        words.put(Reason.RELIGIOUS, new String[] {"eid", "diwali", "deepavali", "yom kippur", "rosh hashan*", "passover", "pesach", "vaisakhi",
                "baisakhi", "religious", "holy day", "festival", "guru nanak", "gurpurab", "navratri", "dussehra", "good friday", "ash wednesday",
                "holi", "hanukkah", "chanukah", "purim", "sukkot", "shavuot", "simchat torah", "ramadan", "mawlid", "milad", "ashura",
                "bandi chhor", "janmashtami", "raksha bandhan", "ganesh chaturthi", "christmas day", "epiphany", "orthodox christmas",
                "lunar new year", "chinese new year", "vesak", "wesak", "mosque", "gurdwara", "synagogue", "temple", "church service",
                "prayers", "day of observance", "religious observance", "feast day", "saint's day", "shabbat", "sabbath", "eid al", "eid ul",
                "arafat", "kartik purnima", "guru gobind", "hola mohalla", "navroz", "nowruz", "pongal", "onam", "thaipusam"});
        words.put(Reason.MEDICAL, new String[] {"dentist*", "dental", "orthodont*", "brace*", "optician*", "optom*", "eye test", "eye appointment",
                "eye clinic", "eye hospital", "hearing test", "audiolog*", "ent appointment", "clinic", "physio*", "camhs",
                "vaccin*", "immunis*", "jab", "jabs", "booster", "hospital appointment", "hospital appt", "x-ray*", "xray*", "x ray*", "blood test", "bloods", "scan", "mri", "ultrasound", "ecg", "eeg", "speech therapy",
                "speech and language", "salt appointment", "occupational therap*", "ot appointment", "therap*", "counsell*", "check up",
                "check-up", "checkup", "doctors appointment", "doctor appointment", "gp appointment", "hospital appointment", "paediatric*", "pediatric*", "paeds", "podiatr*",
                "dermatolog*", "cardiolog*", "neurolog*", "allerg* clinic", "asthma clinic", "diabet* clinic", "endocrin*", "urolog*",
                "operation", "op at", "procedure", "follow up", "follow-up", "outpatient*", "out patient*", "health visitor",
                "school nurse", "medical appointment", "specialist", "assessment", "adhd assessment", "autism assessment",
                "asd assessment", "cahms", "orthoptist", "chiropod*", "fracture clinic", "tonsil op", "grommets", "filling",
                "tooth out", "teeth out", "extraction", "glasses", "hearing aid*", "dietitian", "dietician", "ecg", "echo", "food challenge",
                "allergy clinic", "heart clinic", "eye hospital", "podiatry", "podiatrist", "immunisation*", "injection*", "flu spray",
                "nasal spray", "orthotic*", "optometr*", "vision test", "wheelchair", "splint", "cast check", "fracture", "ortho", "renal",
                "kidney clinic", "immunolog*", "genetic*", "child development", "cdc", "paeds", "health check", "review appointment",
                "teeth", "tooth", "retainer", "flu jab", "covid jab", "mri scan", "ct scan", "bloods", "ultrasound", "endoscopy", "sleep clinic", "sleep study", "psycholog*", "psychiatr*", "ophthalm*", "oncolog*", "haematolog*",
                "gastroenterolog*", "rheumatolog*", "respiratory clinic", "cleft", "hospital appt", "eye check", "sight test"});
        words.put(Reason.GP, new String[] {"gp", "doctor", "doctors", "doctor's", "surgery", "nurse", "hospital", "infirmary", "a and e",
                "walk in centre", "walk-in", "minor injuries", "urgent care", "pharmacy", "pharmacist", "consultant", "medical", "the royal",
                "111", "out of hours", "antibiotic*", "penicillin", "stitches", "plaster cast", "cast"});
        words.put(Reason.ILLNESS, new String[] {"sick", "sickness", "ill", "illness", "poorly", "unwell", "not well", "not very well",
                "not feeling well", "not feeling great", "not feeling good", "feeling rough", "rough", "temperature", "fever*", "feverish",
                "vomit*", "throwing up", "threw up", "thrown up", "puk*", "being sick", "been sick", "diarrhoea", "diarrhea", "d and v", "runs",
                "bug", "tummy", "stomach", "belly", "cold", "colds", "flu", "covid", "cough*", "headache*", "head ache", "migraine*",
                "chicken ?pox", "chickenpox", "conjunctivitis", "pink eye", "ear infection", "ear ache", "earache", "tonsil*", "virus", "viral",
                "infection", "rash", "asthma*", "sore", "toothache", "tooth ache", "period*", "injur*", "sprain*", "broke (?:his|her) \\w+",
                "broken", "hay fever", "allerg*", "nosebleed", "croup", "scarlet fever", "strep", "off colour", "under the weather",
                "shiver*", "achy", "aching", "aches", "pain", "pains", "painful", "exhausted", "hurt (?:his|her) \\w+", "hurts", "hurting", "nause*", "dizzy", "faint*",
                "glandular", "mumps", "measles", "impetigo", "hand foot and mouth", "slapped cheek", "norovirus", "noro", "gastro*", "wiped out", "lethargic", "high temp", "runny nose", "snotty", "blocked nose", "congested", "chest", "wheez*",
                "bronchi*", "pneumonia", "sinus*", "eczema", "cramps", "constipat*", "uti", "water infection",
                "kidney infection", "appendi*", "concussion", "bumped (?:his|her) head", "twisted", "swollen", "swelling",
                "bitten", "sting", "stung", "fell (?:off|over|down) (?:\\w+ )?(?:and|hurt|bumped|broke|banged)", "had a fall", "feel* awful", "fell and", "burn*", "cut (?:his|her) \\w+", "blister*", "ulcer*", "thrush", "hives", "spots", "lump",
                "bad night with", "up all night", "been up all night", "had no sleep", "feel* (?:sick|ill|rough|awful|terrible|bad|unwell)",
                "not himself", "not herself", "off food", "not eating", "groggy", "cold sore", "diabetic", "seizure*", "epilep*",
                "anxiety", "anxious", "mental health", "low mood", "depress*", "panic attack*", "medication", "calpol", "recover*", "contagious", "infectious", "isolat*", "tested positive", "threadworm*",
                "worms", "inhaler", "chesty", "full of cold", "heavy cold", "stinking cold", "shingles", "ulcers", "hardly slept", "wheezy",
                "temps", "temp",
                "symptom*", "off sick"});
        words.put(Reason.LATE, new String[] {"late", "later", "running late", "on (?:our|his|her|their|my|the) way", "omw", "be in by", "be in at",
                "in at \\d", "in by \\d", "coming in later", "come in later", "in later", "bring (?:him|her|them|\\w+) in", "bringing (?:him|her|them|\\w+) in",
                "drop (?:him|her|them|\\w+) (?:off|in) (?:at|by|later|after|this)", "dropping (?:him|her|them|\\w+) (?:off|in) (?:at|by|later|after|this)", "there by \\d", "there at \\d", "overslept",
                "slept in", "slept through", "missed the bus", "missed the train", "traffic", "car broke down", "broken down", "car will not start",
                "flat tyre", "puncture", "after lunch", "this afternoon", "by lunch", "by lunchtime", "at lunch", "in a bit", "in a minute",
                "in \\d+ minutes", "in ten minutes", "in five minutes", "on the way", "be in soon", "be there soon", "arriving",
                "just leaving", "leaving now", "be in (?:this|after|at \\d|by|for the|later|soon)", "in for the afternoon", "in at \\d", "by \\d", "at \\d",
                "after (?:his|her|the) appointment", "after the dentist", "after that", "alarm", "bus was", "bus did not", "train", "stuck",
                "delayed", "road closed", "accident on", "snow", "flood*", "ice", "icy", "queue", "roadworks",
                // when the child will arrive, said any way: "be there for 10", "in for lunch", "ten minutes away", "walking them in now"
                "be (?:there|in|at school) (?:for|around|about|before|by) (?:\\d+|\\d+ish|lunch|lunchtime|ten|eleven|half|quarter|the afternoon)",
                "in for lunch", "in for lunchtime", "minutes away", "walking (?:him |her |them )?in", "walking (?:him |her |them )?(?:up|down) now", "\\d+ish"});
        words.put(Reason.INVALID, new String[] {"no childcare", "childcare", "no one to take", "nobody to take", "no-one to take", "cannot take (?:him|her|them)",
                "no way to get", "no lift", "no car", "no transport", "no bus", "no money for", "uniform", "shoes", "no clean", "washing", "nothing to wear", "too tired", "tired", "overslept and", "struggling", "overwhelmed", "meltdown", "not in the mood", "fell out with",
                "i am ill", "i am sick", "i am poorly", "i am unwell", "i am not well", "mum is ill", "mum is sick", "dad is ill", "dad is sick",
                "i have (?:a|the) (?:bug|cold|flu|virus|covid|migraine)", "i have been (?:sick|ill)", "my (?:own )?appointment", "i have an appointment",
                "i've got an appointment", "birthday", "bday", "shopping", "haircut", "hair cut", "day out", "party", "treat", "lie in",
                "tired after", "late night", "concert", "wedding", "christening", "family day",
                "family reasons", "family matter*", "family emergency", "personal reasons", "personal", "refus*", "does not want to",
                "nits", "head lice", "lice", "heartbroken", "cannot face", "passport", "visa", "home office", "embassy", "immigration",
                "doesn't want to", "won't go", "will not go", "would not go", "babysit*", "moving house", "house move", "strike",
                "competition", "audition", "sports day", "passport", "interview", "court", "immigration", "home office", "embassy",
                "visa", "decorat*", "boiler", "plumber", "electrician", "delivery", "waiting in", "bad night", "had a bad night"});
        words.put(Reason.QUESTION, new String[] {"\\?", "can you", "could you", "can i", "could i", "call me", "ring me", "phone me",
                "let me know", "please advise", "do i need", "should i", "what time", "when does", "when is", "who is this", "is there",
                "did (?:he|she|they|\\w+) get", "has (?:he|she|\\w+) been", "why", "how do i", "how long", "is it ok", "is that ok", "is that okay",
                "can (?:he|she|they) ", "wondering", "i was wondering"});
        for (Map.Entry<Reason, String[]> e : words.entrySet()) {
            PATTERNS.put(e.getKey(), compile(e.getValue()));
        }
        MEDICAL_KIND = PATTERNS.get(Reason.MEDICAL);
        UNSPECIFIED_APPOINTMENT = compile(new String[] {"appointment*", "appt*", "an appointment", "appointment today", "meeting"});
        FESTIVAL = PATTERNS.get(Reason.RELIGIOUS);
        UNNAMED_HOLY_DAY = compile(new String[] {"holy day", "religious", "religious holiday", "religious day", "religious festival",
                "religious reasons", "festival", "feast day", "day of observance", "religious observance", "prayers", "mosque", "gurdwara",
                "synagogue", "temple", "church service", "church", "celebrat*"});
    }

    static Pattern compile(String[] entries) {
        StringBuilder b = new StringBuilder();
        for (String w : entries) {
            if (b.length() > 0) {
                b.append('|');
            }
            String e = w.endsWith("*") ? w.substring(0, w.length() - 1) + "\\w*" : w;
            b.append(e.replace(" ", "\\s+"));
        }
        return Pattern.compile("(?<![\\w'])(?:" + b + ")(?![\\w'])");
    }

    /** Where each reason's words occur in a clause: reason to the number of distinct hits. */
    public static Map<Reason, Integer> hits(String clause) {
        Map<Reason, Integer> out = new EnumMap<>(Reason.class);
        for (Map.Entry<Reason, Pattern> e : PATTERNS.entrySet()) {
            Matcher m = e.getValue().matcher(clause);
            int n = 0;
            while (m.find()) {
                n++;
            }
            if (n > 0) {
                out.put(e.getKey(), n);
            }
        }
        return out;
    }

    private static final Set<String> ENGLISH = loadEnglish();

    /** An ordinary English word (or a word of the reader's vocabulary), never a misspelt name. */
    public static boolean isEnglishWord(String lowerWord) {
        return ENGLISH.contains(lowerWord);
    }

    private static Set<String> loadEnglish() {
        Set<String> out = new HashSet<>();
        for (String w : resources().getString("words").split("\\s+")) {
            if (!w.isBlank()) {
                out.add(w);
            }
        }
        return out;
    }

    /** The reader's generated resources (tools/reader-resources.py), read as a bundle so the domain needs no I/O. */
    static java.util.ResourceBundle resources() {
        return java.util.ResourceBundle.getBundle("uk.openattendance.absence.domain.reply.reader", java.util.Locale.ROOT);
    }
}
