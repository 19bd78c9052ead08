package dev.newsflow.streams.clean;

import dev.newsflow.streams.clean.html.MainContent;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;

/**
 * The text of an HTML page or fragment as paragraphs, headings, list items and quotes, in order: the article only
 * ({@link MainContent}), without navigation, sidebars, figures and captions, share, related-story and subscription
 * widgets, scripts and forms.
 */
public final class HtmlText {

    private static final String BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, td, th, dd, dt";

    private HtmlText() {
    }

    /** The article of a page: its paragraphs in order, the byline and the photo captions set aside from them. */
    public record Page(List<String> paragraphs, String byline, List<String> captions) {
    }

    public static List<String> paragraphs(String html) {
        return read(html).paragraphs();
    }

    public static Page read(String html) {
        MainContent.Extracted extracted = MainContent.extract(html);
        Element root = extracted.content();
        List<String> paragraphs = new ArrayList<>();
        Elements blocks = root.select(BLOCKS);
        if (blocks.isEmpty()) {
            collectLooseText(root, paragraphs);
        } else {
            for (Element block : blocks) {
                // a block holding blocks (a quote of paragraphs, an item with a sub-list) speaks only for its own text
                String text = (block.select(BLOCKS).size() > 1 ? ownText(block) : block.text()).strip();
                if (!text.isEmpty()) {
                    paragraphs.add(text);
                }
            }
        }
        return new Page(paragraphs, extracted.byline(), extracted.captions());
    }

    /** The text of a block outside the blocks inside it. */
    private static String ownText(Element block) {
        StringBuilder text = new StringBuilder();
        for (Node node : block.childNodes()) {
            if (node instanceof TextNode t) {
                text.append(t.text());
            } else if (node instanceof Element e && !e.is(BLOCKS) && e.select(BLOCKS).isEmpty()) {
                text.append(' ').append(e.text()).append(' ');
            }
        }
        return text.toString().replaceAll("\\s+", " ");
    }

    /** Text that is not inside any block element: split at line breaks. */
    private static void collectLooseText(Element root, List<String> paragraphs) {
        StringBuilder current = new StringBuilder();
        for (Node node : root.childNodes()) {
            if (node instanceof TextNode t) {
                current.append(t.text());
            } else if (node instanceof Element e && e.is("br")) {
                flush(current, paragraphs);
            } else if (node instanceof Element e) {
                current.append(' ').append(e.text()).append(' ');
            }
        }
        flush(current, paragraphs);
    }

    private static void flush(StringBuilder current, List<String> paragraphs) {
        String text = current.toString().strip();
        if (!text.isEmpty()) {
            paragraphs.add(text);
        }
        current.setLength(0);
    }
}
