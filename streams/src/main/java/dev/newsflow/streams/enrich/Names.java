package dev.newsflow.streams.enrich;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Spelling helpers for names: the same name without diacritics, as much English-language news writes it. */
final class Names {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACED_INITIALS = Pattern.compile("\\b(\\p{Lu})\\. (\\p{Lu})\\.");
    private static final Pattern BARE_INITIALS = Pattern.compile("\\b(\\p{Lu})(\\p{Lu})\\b");
    private static final Pattern ARTICLE = Pattern.compile("\\b([AaEe]l)-(?=\\p{Lu})");
    private static final Pattern NOT_LETTERS = Pattern.compile("[^\\p{L}]+");
    private static final Set<String> SUFFIXES = Set.of("Jr.", "Jr", "Jnr", "Sr.", "II", "III", "IV");

    private Names() {
    }

    /** The words of a name in lower case without diacritics: "Abdel-Fattah El-Sisi" → abdel, fattah, el, sisi. */
    static List<String> words(String name) {
        List<String> words = new ArrayList<>();
        for (String word : NOT_LETTERS.split(withoutDiacritics(name).toLowerCase(java.util.Locale.ROOT))) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    /** "Erdoğan" → "Erdogan", "Orbán" → "Orban", "Støre" → "Store", "Łukaszenka" → "Lukaszenka". */
    static String withoutDiacritics(String name) {
        String stripped = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
        StringBuilder out = new StringBuilder(stripped.length());
        for (char c : stripped.toCharArray()) {
            out.append(switch (c) {
                case 'ø' -> "o";
                case 'Ø' -> "O";
                case 'ł' -> "l";
                case 'Ł' -> "L";
                case 'ı' -> "i";
                case 'đ' -> "d";
                case 'Đ' -> "D";
                case 'ß' -> "ss";
                case 'æ' -> "ae";
                case 'Æ' -> "Ae";
                default -> String.valueOf(c);
            });
        }
        return out.toString();
    }

    /**
     * A name as news also writes it: a "Jr." suffix as "Jr" or "Jnr" (British style), two initials as "K. P.", "K.P."
     * or "KP", the Arabic article with a space ("al Sisi").
     */
    static List<String> writtenVariants(String name) {
        List<String> variants = new ArrayList<>(List.of(name));
        for (String suffix : List.of(" Jr.", " Jr", " Jnr")) {
            if (name.endsWith(suffix)) {
                String stem = name.substring(0, name.length() - suffix.length());
                variants.addAll(List.of(stem + " Jr.", stem + " Jr", stem + " Jnr"));
                break;
            }
        }
        for (String variant : List.copyOf(variants)) {
            String particle = ARTICLE.matcher(variant).replaceAll("$1 ");
            if (!particle.equals(variant)) {
                variants.add(particle); // "Abdel Fattah al-Sisi" as "Abdel Fattah Al Sisi"
            }
        }
        for (String variant : List.copyOf(variants)) {
            String bare = SPACED_INITIALS.matcher(variant).replaceAll("$1$2"); // "K. P." and "KP" both as "KP"
            if (BARE_INITIALS.matcher(bare).find()) {
                String spaced = BARE_INITIALS.matcher(bare).replaceAll("$1. $2.");
                variants.addAll(List.of(bare, spaced, SPACED_INITIALS.matcher(spaced).replaceAll("$1.$2.")));
            }
        }
        return variants.stream().distinct().toList();
    }

    /**
     * The last word of a full name, without a suffix, when it has at least four letters: "Sall" of "Macky Sall",
     * "Marcos" of "Ferdinand Marcos Jr.".
     */
    static Optional<String> lastWord(String name) {
        String[] words = name.split(" ");
        int last = words.length - 1;
        while (last > 0 && SUFFIXES.contains(words[last])) {
            last--;
        }
        String word = last > 0 ? words[last].replaceAll(",$", "") : "";
        // shorter ones are too often an abbreviation ("Sen." for senator) or a given name put last (Hun Sen)
        return word.length() >= 4 ? Optional.of(word) : Optional.empty();
    }

    static boolean isSingleWord(String name) {
        return name.indexOf(' ') < 0;
    }

    /** Whether the text at {@code start} is capitalised as the name is: "Xi" is a name, "xi" is not. */
    static boolean capitalisedAs(CharSequence text, int start, String name) {
        char first = name.charAt(0);
        if (!Character.isUpperCase(first)) {
            return true;
        }
        if (!Character.isUpperCase(text.charAt(start))) {
            return false;
        }
        if (name.length() > 1 && name.chars().allMatch(c -> !Character.isLetter(c) || Character.isUpperCase(c))) {
            for (int i = 0; i < name.length(); i++) { // an acronym like AMLO or MBS must be written in capitals
                if (text.charAt(start + i) != name.charAt(i)) {
                    return false;
                }
            }
        }
        return true;
    }
}
