package dev.newsflow.streams.clean.html;

import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;

/**
 * What is left inside the article container that is not the article: link lists, image galleries, forms, share bars
 * and headings that sound like clutter. A block goes only when several signals agree (Readability's conditional
 * cleaning), so a list or a table that is part of the text stays.
 */
final class ContentCleaner {

    private static final int SHARE_MAX_CHARS = 500;

    private ContentCleaner() {
    }

    static void clean(Element content, Map<Element, Double> scores, boolean weighClasses, boolean conditionally) {
        for (Element share : content.getElementsByAttributeValueMatching("class", "(?i)share|sharing")) {
            if (share != content && share.text().length() < SHARE_MAX_CHARS) {
                share.remove();
            }
        }
        for (Element heading : content.select("h1, h2")) {
            if (weighClasses && Signals.classWeight(heading) < 0) {
                heading.remove();
            }
        }
        if (conditionally) {
            List<Element> blocks = content.select("form, fieldset, table, ul, ol, div, section");
            for (int i = blocks.size() - 1; i >= 0; i--) { // innermost first, so an outer block is judged on what stays
                Element block = blocks.get(i);
                if (block != content && block.parent() != null && isClutter(block, scores, weighClasses)) {
                    block.remove();
                }
            }
        }
    }

    private static boolean isClutter(Element e, Map<Element, Double> scores, boolean weighClasses) {
        if (e.is("table") && isDataTable(e) || e.closest("code, pre") != null || !e.select("pre, code").isEmpty()) {
            return false;
        }
        String text = e.text();
        int length = text.length();
        boolean isList = e.is("ul, ol") || (length > 0 && e.select("ul, ol").text().length() > 0.9 * length);
        int weight = weighClasses ? Signals.classWeight(e) : 0;
        if (weight + scores.getOrDefault(e, 0.0) < 0) {
            return true;
        }
        if (Signals.commas(text) >= 10) {
            return false;
        }
        int paragraphs = e.select("p").size();
        int images = e.select("img").size();
        int items = e.select("li").size() - 100;
        int inputs = e.select("input").size();
        double headingDensity = length == 0 ? 0 : (double) e.select("h1, h2, h3, h4, h5, h6").text().length() / length;
        double linkDensity = Signals.linkDensity(e);
        return (images > 1 && (double) paragraphs / images < 0.5)
                || (!isList && items > paragraphs)
                || (inputs > paragraphs / 3)
                || (!isList && headingDensity < 0.9 && length < 25 && (images == 0 || images > 2) && linkDensity > 0)
                || (!isList && weight < 25 && linkDensity > 0.2)
                || (weight >= 25 && linkDensity > 0.5);
    }

    /** A table of data (a caption, a header row, many cells) rather than one used for layout. */
    private static boolean isDataTable(Element table) {
        if ("presentation".equals(table.attr("role"))) {
            return false;
        }
        if (!table.select("caption, thead, th, tfoot, colgroup, col").isEmpty() || !table.attr("summary").isEmpty()) {
            return true;
        }
        if (!table.select("table").stream().filter(t -> t != table).toList().isEmpty()) {
            return false;
        }
        int rows = table.select("tr").size();
        int columns = table.select("tr").stream().mapToInt(r -> r.select("td").size()).max().orElse(0);
        return rows >= 10 || columns > 4 || rows * columns > 10;
    }
}
