package dev.newsflow.streams.clean;

import java.util.ArrayList;
import java.util.List;

/** Plain text as paragraphs: split at blank lines; lines within a paragraph are joined. */
public final class PlainText {

    private PlainText() {
    }

    public static List<String> paragraphs(String text) {
        List<String> paragraphs = new ArrayList<>();
        for (String block : text.replace("\r\n", "\n").split("\n\\s*\n")) {
            String joined = block.strip().replace('\n', ' ');
            if (!joined.isBlank()) {
                paragraphs.add(joined);
            }
        }
        return paragraphs;
    }
}
