package dev.newsflow.streams.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;

/**
 * The text of an HTML page or fragment as paragraphs: the article element when there is one, without navigation,
 * figures and captions, share, related-story and subscription widgets, scripts and forms.
 */
public final class HtmlText {

    private static final String NOISE_ELEMENTS = "script, style, noscript, template, iframe, svg, canvas, form, button, "
            + "input, select, nav, header, footer, aside, figure, figcaption, picture, video, audio, menu";
    private static final Pattern NOISE_CLASS = Pattern.compile(
            "(?i)(^|[\\s_-])(share|sharing|social|related|recommended|newsletter|subscribe|subscription|promo|advert|ads?|"
                    + "cookie|consent|comments?|breadcrumbs?|menu|navbar|nav|sidebar|footer|header|byline|caption|credit|"
                    + "tags|most-read|popular|outbrain|taboola)([\\s_-]|$)");
    private static final String BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, td, dd, dt";

    private HtmlText() {
    }

    public static List<String> paragraphs(String html) {
        Document page = Jsoup.parse(html);
        page.select(NOISE_ELEMENTS).remove();
        for (Element e : page.getAllElements()) {
            if (e.parent() != null && (NOISE_CLASS.matcher(e.className()).find() || NOISE_CLASS.matcher(e.id()).find())) {
                e.remove();
            }
        }
        Element root = mainElement(page);
        List<String> paragraphs = new ArrayList<>();
        Elements blocks = root.select(BLOCKS);
        if (blocks.isEmpty()) {
            collectLooseText(root, paragraphs);
        } else {
            for (Element block : blocks) {
                if (block.select(BLOCKS).size() > 1 && !block.is("li, blockquote")) {
                    continue; // a block holding blocks: its children speak for it
                }
                String text = block.text().strip();
                if (!text.isEmpty()) {
                    paragraphs.add(text);
                }
            }
        }
        return paragraphs;
    }

    /** The article element when one holds most of the text, else the element marked as the article body, else body. */
    private static Element mainElement(Document page) {
        Element body = page.body();
        int total = body.text().length();
        for (Element candidate : page.select("article, [itemprop=articleBody], main, [role=main]")) {
            if (candidate.text().length() >= Math.min(total / 3, 500)) {
                return candidate;
            }
        }
        return body;
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
