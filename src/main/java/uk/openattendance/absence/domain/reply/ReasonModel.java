package uk.openattendance.absence.domain.reply;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A multinomial logistic regression (L2-regularised, plain Java) over word stems, word pairs and the character 3-5-grams
 * of each word, trained when the class loads from the {@code train.N} lines of {@code reader.properties} (generated from
 * the tuning corpora only, never the held-out sets). The character grams let it reach misspellings ("temprature",
 * "vommiting") and words of the same family ("orthodontist", "orthoptist") that no word list holds; the word pairs
 * carry a little order ("not well", "i am").
 *
 * <p>Why logistic regression and not naive Bayes: its probabilities are fitted to the labels (the log-loss is minimised),
 * so they can be read as a confidence, where naive Bayes multiplies correlated evidence and is sure of everything. The
 * fit is deterministic: a fixed seed orders the examples for stochastic gradient descent (AdaGrad steps), so the same
 * corpus always gives the same model. Besides a guess it says how <em>familiar</em> a text is: the share of its words
 * the training replies ever used, so the reader can send a reply it has never seen the like of to a person.
 */
public final class ReasonModel {
    /** The most likely reason and the model's probability of it. */
    public record Guess(Reason reason, double probability) {}

    /** A training reply: the reason the office read in it and its raw text. */
    public record Example(Reason reason, String text) {}

    private static final Reason[] CLASSES = Reason.values();
    private static final long SEED = 20261123L;
    private static final int EPOCHS = 30;
    private static final double RATE = 0.1;
    private static final double L2 = 1e-4;

    /** Trained on first use, after the class's constants exist. */
    private static final class Trained {
        static final ReasonModel MODEL = load();
    }

    private final Map<String, Integer> index;
    private final Set<String> words;
    private final boolean[] seen;
    private final double[] prior;
    private double[][] weights = new double[0][];
    private final double[] bias;

    /** Words this view of the model leaves out: a family's own names, which say nothing of why a child is off. */
    private Set<String> ignored = Set.of();

    private ReasonModel() {
        this(new HashMap<>(), new HashSet<>(), new boolean[CLASSES.length], new double[CLASSES.length], new double[CLASSES.length]);
    }

    private ReasonModel(Map<String, Integer> index, Set<String> words, boolean[] seen, double[] prior, double[] bias) {
        this.index = index;
        this.words = words;
        this.seen = seen;
        this.prior = prior;
        this.bias = bias;
    }

    /**
     * The same model reading text with these words left out. Replies name the children, and a name the training
     * replies happened to use with one reason ("Tom" in a reply that went to a person) must not move a reading.
     */
    public ReasonModel ignoring(Set<String> names) {
        // the fitted state is never changed after fit, so the view shares it rather than copying it for every reply
        ReasonModel view = new ReasonModel(index, words, seen, prior, bias);
        view.weights = weights;
        view.ignored = Set.copyOf(names);
        return view;
    }

    public static ReasonModel trained() {
        return Trained.MODEL;
    }

    /** A model trained on these examples alone (cross-validation trains one per fold). */
    public static ReasonModel fit(List<Example> examples) {
        ReasonModel m = new ReasonModel();
        List<int[]> xs = new ArrayList<>();
        List<double[]> vs = new ArrayList<>();
        List<Integer> ys = new ArrayList<>();
        for (Example e : examples) {
            String text = Normaliser.normalise(e.text());
            for (String w : words(text)) {
                m.words.add(w);
            }
            List<String> fs = features(text);
            int[] x = new int[fs.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = m.index.computeIfAbsent(fs.get(i), k -> m.index.size());
            }
            xs.add(x);
            vs.add(values(x.length));
            ys.add(e.reason().ordinal());
            m.seen[e.reason().ordinal()] = true;
            m.prior[e.reason().ordinal()] += 1.0 / examples.size();
        }
        m.weights = new double[m.index.size()][CLASSES.length];
        double[][] g2 = new double[m.index.size()][CLASSES.length];
        double[] b2 = new double[CLASSES.length];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < xs.size(); i++) {
            order.add(i);
        }
        Random random = new Random(SEED);
        double[] p = new double[CLASSES.length];
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            Collections.shuffle(order, random);
            for (int n : order) {
                int[] x = xs.get(n);
                double[] v = vs.get(n);
                m.probabilities(x, v, p);
                int y = ys.get(n);
                for (int k = 0; k < CLASSES.length; k++) {
                    if (!m.seen[k]) {
                        continue;
                    }
                    double err = p[k] - (k == y ? 1.0 : 0.0);
                    b2[k] += err * err;
                    m.bias[k] -= RATE * err / Math.sqrt(b2[k] + 1e-8);
                    for (int i = 0; i < x.length; i++) {
                        double g = err * v[i] + L2 * m.weights[x[i]][k];
                        g2[x[i]][k] += g * g;
                        m.weights[x[i]][k] -= RATE * g / Math.sqrt(g2[x[i]][k] + 1e-8);
                    }
                }
            }
        }
        return m;
    }

    /** The most likely reason for a normalised text; {@link Reason#NONE} at 0 where the model knows none of its features. */
    public Guess guess(String normalisedText) {
        double[] p = distribution(normalisedText);
        if (p == null) {
            return new Guess(Reason.NONE, 0.0);
        }
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            if (p[k] > p[best]) {
                best = k;
            }
        }
        return new Guess(CLASSES[best], p[best]);
    }

    /** The model's probability of each reason for a normalised text (empty where it knows none of its features). */
    public Map<Reason, Double> probabilities(String normalisedText) {
        double[] p = distribution(normalisedText);
        Map<Reason, Double> out = new EnumMap<>(Reason.class);
        if (p != null) {
            for (int k = 0; k < p.length; k++) {
                if (seen[k]) {
                    out.put(CLASSES[k], p[k]);
                }
            }
        }
        return out;
    }

    /** The probability that the text gives this reason, counting a GP visit and an illness as one family as the reader does. */
    public double support(Reason reason, String normalisedText) {
        Map<Reason, Double> p = probabilities(normalisedText);
        double s = p.getOrDefault(reason, 0.0);
        if (reason == Reason.ILLNESS || reason == Reason.GP) {
            s = p.getOrDefault(Reason.ILLNESS, 0.0) + p.getOrDefault(Reason.GP, 0.0);
        }
        if (reason == Reason.MEDICAL || reason == Reason.APPOINTMENT) {
            s = p.getOrDefault(Reason.MEDICAL, 0.0) + p.getOrDefault(Reason.APPOINTMENT, 0.0);
        }
        return s;
    }

    /** How often the training replies gave this reason (its family counted as one, as in {@link #support}). */
    public double prior(Reason reason) {
        double s = prior[reason.ordinal()];
        if (reason == Reason.ILLNESS || reason == Reason.GP) {
            s = prior[Reason.ILLNESS.ordinal()] + prior[Reason.GP.ordinal()];
        }
        if (reason == Reason.MEDICAL || reason == Reason.APPOINTMENT) {
            s = prior[Reason.MEDICAL.ordinal()] + prior[Reason.APPOINTMENT.ordinal()];
        }
        return Math.min(0.95, Math.max(0.02, s));
    }

    /**
     * The lexicon's confidence in a reason revised by the model's: the two taken as independent experts, each moving the
     * odds away from how common the reason is (a product of experts). A lexicon hit the model finds unlikely for text
     * like this comes out below any school's setting; one it agrees with comes out near certain.
     */
    public double combine(double lexicon, Reason reason, String normalisedText) {
        Map<Reason, Double> p = probabilities(normalisedText);
        if (p.isEmpty()) {
            return lexicon;
        }
        double s = Math.min(0.995, Math.max(0.005, support(reason, normalisedText)));
        double base = prior(reason);
        double odds = lexicon / (1 - lexicon) * (s / (1 - s)) / (base / (1 - base));
        // never quite certain: a school asking for more than the two experts can give has every reply looked at
        return Math.min(0.98, odds / (1 + odds));
    }

    /** The share of the text's words that some training reply used: 1 for nothing new, lower the more words are new. */
    public double familiarity(String normalisedText) {
        List<String> ws = words(withoutIgnored(normalisedText));
        if (ws.isEmpty()) {
            return 1.0;
        }
        return (double) ws.stream().filter(words::contains).count() / ws.size();
    }

    /** The text's words the training replies never used. */
    public List<String> unfamiliarWords(String normalisedText) {
        return words(withoutIgnored(normalisedText)).stream().filter(w -> !words.contains(w)).toList();
    }

    private double[] distribution(String normalisedText) {
        List<String> fs = features(withoutIgnored(normalisedText));
        int[] x = fs.stream().filter(index::containsKey).mapToInt(index::get).toArray();
        if (x.length == 0 || weights.length == 0) {
            return null;
        }
        double[] p = new double[CLASSES.length];
        // scaled by the text's own feature count, so unknown features do not dilute the known ones
        probabilities(x, values(fs.size()), p);
        return p;
    }

    private void probabilities(int[] x, double[] v, double[] p) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < CLASSES.length; k++) {
            if (!seen[k]) {
                p[k] = Double.NEGATIVE_INFINITY;
                continue;
            }
            double z = bias[k];
            for (int i = 0; i < x.length; i++) {
                z += weights[x[i]][k] * v[Math.min(i, v.length - 1)];
            }
            p[k] = z;
            max = Math.max(max, z);
        }
        double sum = 0;
        for (int k = 0; k < CLASSES.length; k++) {
            p[k] = seen[k] ? Math.exp(p[k] - max) : 0.0;
            sum += p[k];
        }
        for (int k = 0; k < CLASSES.length; k++) {
            p[k] /= sum;
        }
    }

    /** Each feature present once, the vector of unit length, so a long reply is not more certain for being long. */
    private static double[] values(int n) {
        double[] v = new double[Math.max(1, n)];
        Arrays.fill(v, 1.0 / Math.sqrt(Math.max(1, n)));
        return v;
    }

    private String withoutIgnored(String normalisedText) {
        if (ignored.isEmpty()) {
            return normalisedText;
        }
        StringBuilder out = new StringBuilder();
        for (String t : normalisedText.split("[^\\p{L}']+")) {
            String w = t.replace("'s", "").replace("'", "");
            if (!ignored.contains(w)) {
                out.append(t).append(' ');
            }
        }
        return out.toString();
    }

    /** The words of a normalised text that can carry a reason: letters only, numbers and one-letter words dropped. */
    static List<String> words(String normalisedText) {
        List<String> out = new ArrayList<>();
        for (String t : normalisedText.split("[^\\p{L}']+")) {
            String w = t.replace("'", "");
            if (w.length() >= 2) {
                out.add(w);
            }
        }
        return out;
    }

    /** Stemmed words (common function words dropped), adjacent word pairs, and each word's character 3-5-grams. */
    static List<String> features(String normalisedText) {
        List<String> all = words(normalisedText);
        LinkedHashMap<String, Boolean> out = new LinkedHashMap<>();
        for (String w : all) {
            if (!STOP.contains(w)) {
                out.put("w:" + stem(w), true);
                String padded = "<" + w + ">";
                for (int n = 3; n <= 5; n++) {
                    for (int i = 0; i + n <= padded.length(); i++) {
                        out.put("c:" + padded.substring(i, i + n), true);
                    }
                }
            }
        }
        for (int i = 0; i + 1 < all.size(); i++) {
            out.put("p:" + stem(all.get(i)) + "_" + stem(all.get(i + 1)), true);
        }
        return new ArrayList<>(out.keySet());
    }

    static String stem(String w) {
        for (String suffix : new String[] {"ing", "ed", "es", "ly", "s"}) {
            if (w.length() > suffix.length() + 3 && w.endsWith(suffix)) {
                return w.substring(0, w.length() - suffix.length());
            }
        }
        return w;
    }

    private static final Set<String> STOP = Set.of("the", "a", "an", "and", "is", "are", "was", "be", "to", "of", "it", "this", "that",
            "so", "hi", "hello", "morning", "please", "thanks", "thank", "you", "just", "very", "really", "with", "for", "at", "on", "in");

    private static ReasonModel load() {
        List<Example> examples = new ArrayList<>();
        java.util.ResourceBundle bundle = Lexicon.resources();
        // the keys in their numbered order, so the fit is the same on every JVM
        List<String> keys = new ArrayList<>(bundle.keySet().stream().filter(k -> k.startsWith("train.")).toList());
        keys.sort((a, b) -> Integer.compare(Integer.parseInt(a.substring(6)), Integer.parseInt(b.substring(6))));
        for (String key : keys) {
            String[] f = bundle.getString(key).split("\t", 2);
            if (f.length == 2) {
                examples.add(new Example(Reason.valueOf(f[0]), f[1]));
            }
        }
        return fit(examples);
    }
}
