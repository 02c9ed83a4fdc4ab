package uk.openattendance.absence.domain.reply;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small multinomial naive Bayes classifier over stemmed words and word pairs, trained when the class loads from
 * the {@code train.N} lines of {@code reader.properties} (generated from the tuning corpora only, never the held-out sets). It reaches reasons the
 * lexicon's stems do not hold ("grommets", "the orthoptist") by the company their words keep. Naive Bayes is famously
 * over-confident, so its log-probabilities are tempered by the clause's length before the softmax: the probability it
 * reports is used as a confidence, and the reader applies nothing on this model's word alone.
 */
public final class ReasonModel {
    /** The most likely reason and the tempered probability of it. */
    public record Guess(Reason reason, double probability) {}

    /** Trained on first use, after the class's constants exist. */
    private static final class Trained {
        static final ReasonModel MODEL = load();
    }

    private final Map<Reason, Map<String, Integer>> counts = new EnumMap<>(Reason.class);
    private final Map<Reason, Integer> totals = new EnumMap<>(Reason.class);
    private final Map<Reason, Integer> docs = new EnumMap<>(Reason.class);
    private final Set<String> vocabulary = new HashSet<>();
    private int documents;

    public static ReasonModel trained() {
        return Trained.MODEL;
    }

    public void train(Reason reason, String normalisedText) {
        documents++;
        docs.merge(reason, 1, Integer::sum);
        Map<String, Integer> c = counts.computeIfAbsent(reason, r -> new HashMap<>());
        for (String f : features(normalisedText)) {
            c.merge(f, 1, Integer::sum);
            totals.merge(reason, 1, Integer::sum);
            vocabulary.add(f);
        }
    }

    public Guess guess(String normalisedText) {
        List<String> features = features(normalisedText).stream().filter(vocabulary::contains).toList();
        if (features.isEmpty() || documents == 0) {
            return new Guess(Reason.NONE, 0.0);
        }
        Map<Reason, Double> logp = new EnumMap<>(Reason.class);
        for (Reason r : counts.keySet()) {
            double lp = Math.log((double) docs.get(r) / documents);
            Map<String, Integer> c = counts.get(r);
            double denominator = totals.getOrDefault(r, 0) + vocabulary.size();
            for (String f : features) {
                lp += Math.log((c.getOrDefault(f, 0) + 1.0) / denominator);
            }
            logp.put(r, lp);
        }
        double temper = Math.max(1.0, Math.sqrt(features.size()));
        double max = logp.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double sum = 0;
        Reason best = Reason.NONE;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (Map.Entry<Reason, Double> e : logp.entrySet()) {
            double v = Math.exp((e.getValue() - max) / temper);
            sum += v;
            if (e.getValue() > bestValue) {
                bestValue = e.getValue();
                best = e.getKey();
            }
        }
        return new Guess(best, 1.0 / sum);
    }

    /** Stemmed words and adjacent pairs; names and numbers carry no reason. */
    static List<String> features(String normalisedText) {
        List<String> words = new ArrayList<>();
        for (String t : normalisedText.split("[^\\p{L}']+")) {
            String w = t.replace("'", "");
            if (w.length() < 2 || STOP.contains(w)) {
                continue;
            }
            words.add(stem(w));
        }
        List<String> out = new ArrayList<>(words);
        for (int i = 0; i + 1 < words.size(); i++) {
            out.add(words.get(i) + "_" + words.get(i + 1));
        }
        return out;
    }

    static String stem(String w) {
        for (String suffix : new String[] {"ing", "ed", "es", "ly", "s"}) {
            if (w.length() > suffix.length() + 3 && w.endsWith(suffix)) {
                return w.substring(0, w.length() - suffix.length());
            }
        }
        return w;
    }

    private static final Set<String> STOP = Set.of("the", "a", "an", "and", "is", "are", "was", "be", "to", "of", "he", "she", "they",
            "him", "her", "them", "his", "their", "i", "we", "my", "our", "it", "this", "that", "has", "have", "had", "will", "so", "sorry",
            "today", "hi", "hello", "morning", "please", "thanks", "thank", "you", "just", "very", "really", "with");

    /** A training reply: the reason the office read in it and its raw text. */
    public record Example(Reason reason, String text) {}

    /** A model trained on these examples alone (cross-validation trains one per fold). */
    static ReasonModel fit(List<Example> examples) {
        ReasonModel m = new ReasonModel();
        for (Example e : examples) {
            m.train(e.reason(), Normaliser.normalise(e.text()));
        }
        return m;
    }

    private static ReasonModel load() {
        ReasonModel m = new ReasonModel();
        java.util.ResourceBundle bundle = Lexicon.resources();
        for (String key : bundle.keySet()) {
            if (!key.startsWith("train.")) {
                continue;
            }
            String[] f = bundle.getString(key).split("\t", 2);
            if (f.length == 2) {
                m.train(Reason.valueOf(f[0]), Normaliser.normalise(f[1]));
            }
        }
        return m;
    }
}
