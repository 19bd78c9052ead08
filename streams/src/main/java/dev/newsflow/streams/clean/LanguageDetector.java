package dev.newsflow.streams.clean;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * The language of a text as an ISO 639-1 code, read from the first {@value #PREFIX} characters: by a glance at its
 * script and function words where that settles it ({@link QuickLanguage}: English, and languages with a script of
 * their own), else by Apache OpenNLP's language model (103 languages); null when the text is too short or the model
 * unsure. The model (10 MB) is loaded once; each thread gets its own detector.
 */
public final class LanguageDetector {

    static final int PREFIX = 400;
    private static final int MIN_LENGTH = 20;
    /** The model spreads its confidence over 103 languages: trust the best when it clearly beats the runner-up. */
    private static final double MIN_LEAD = 1.5;
    private static final Map<String, String> ISO3_TO_ISO1 = iso3ToIso1();

    private final ThreadLocal<LanguageDetectorME> detector;

    private LanguageDetector(LanguageDetectorModel model) {
        this.detector = ThreadLocal.withInitial(() -> new LanguageDetectorME(model));
    }

    public static LanguageDetector load() {
        try (InputStream in = LanguageDetector.class.getResourceAsStream("/langdetect-183.bin")) {
            if (in == null) {
                throw new IllegalStateException("OpenNLP's langdetect-183.bin is missing from the classpath");
            }
            return new LanguageDetector(new LanguageDetectorModel(in));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load the language model: " + e.getMessage(), e);
        }
    }

    public String detect(String text) {
        if (text.length() < MIN_LENGTH) {
            return null;
        }
        String quick = QuickLanguage.guess(text, Math.min(text.length(), PREFIX));
        return quick != null ? quick : byModel(text);
    }

    /** OpenNLP's answer alone. */
    String byModel(String text) {
        Language[] ranked = detector.get().predictLanguages(text.length() > PREFIX ? text.substring(0, PREFIX) : text);
        if (ranked.length == 0 || ranked.length > 1 && ranked[0].getConfidence() < MIN_LEAD * ranked[1].getConfidence()) {
            return null;
        }
        return ISO3_TO_ISO1.get(ranked[0].getLang());
    }

    private static Map<String, String> iso3ToIso1() {
        Map<String, String> map = new HashMap<>();
        for (String iso1 : Locale.getISOLanguages()) {
            try {
                map.put(Locale.forLanguageTag(iso1).getISO3Language(), iso1);
            } catch (java.util.MissingResourceException e) {
                // no three-letter code for it
            }
        }
        map.put("cmn", "zh"); // the model names Mandarin by its ISO 639-3 code
        map.put("zho", "zh");
        map.put("pes", "fa");
        map.put("zlm", "ms");
        map.put("ekk", "et");
        map.put("lvs", "lv");
        map.put("nob", "no");
        map.put("nno", "nn");
        map.put("swh", "sw");
        map.put("arb", "ar");
        return Map.copyOf(map);
    }
}
