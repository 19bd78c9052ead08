package dev.newsflow.streams.enrich;

import java.text.Normalizer;
import java.util.List;
import java.util.regex.Pattern;

/** Spelling helpers for names: the same name without diacritics, as much English-language news writes it. */
final class Names {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private Names() {
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

    /** "Ferdinand Marcos Jr." also as news writes it: "Marcos Jr", "Marcos Jnr" (British style). */
    static List<String> suffixVariants(String name) {
        for (String suffix : List.of(" Jr.", " Jr", " Jnr")) {
            if (name.endsWith(suffix)) {
                String stem = name.substring(0, name.length() - suffix.length());
                return List.of(name, stem + " Jr.", stem + " Jr", stem + " Jnr").stream().distinct().toList();
            }
        }
        return List.of(name);
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
