package dev.newsflow.streams.clean.html;

import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * What a block of a web page says about itself: its class and id hints, how much of its text is links, how long and
 * how sentence-like its text is. The patterns are the ones Mozilla's Readability has tuned on real pages.
 */
final class Signals {

    static final Pattern UNLIKELY = Pattern.compile("(?i)-ad-|ai2html|banner|breadcrumbs|combx|comment|community|"
            + "cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|"
            + "skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|newsletter|"
            + "subscribe|cookie|consent|most-read|popular|outbrain|taboola|recommend");
    static final Pattern MAYBE = Pattern.compile("(?i)and|article|body|column|content|main|mathjax|shadow");
    private static final Pattern POSITIVE = Pattern.compile("(?i)article|body|content|entry|hentry|h-entry|main|page|"
            + "pagination|post|text|blog|story");
    private static final Pattern NEGATIVE = Pattern.compile("(?i)-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|"
            + "com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|"
            + "skyscraper|sponsor|shopping|tags|widget|newsletter|subscribe|recommend");
    static final Pattern BYLINE = Pattern.compile("(?i)byline|author|dateline|writtenby|p-author");
    private static final int WEIGHT = 25;

    private Signals() {
    }

    /** The class and id of an element, as the patterns read them. */
    static String hints(Element e) {
        return e.className() + " " + e.id();
    }

    /** +25 for a class or an id that sounds like content, -25 for one that sounds like clutter, per attribute. */
    static int classWeight(Element e) {
        return weight(e.className()) + weight(e.id());
    }

    private static int weight(String value) {
        if (value.isEmpty()) {
            return 0;
        }
        int weight = 0;
        if (NEGATIVE.matcher(value).find()) {
            weight -= WEIGHT;
        }
        if (POSITIVE.matcher(value).find()) {
            weight += WEIGHT;
        }
        return weight;
    }

    /** The share of an element's text inside links; in-page links ("#...") count for less. */
    static double linkDensity(Element e) {
        int length = e.text().length();
        if (length == 0) {
            return 0;
        }
        double linked = 0;
        for (Element a : e.select("a")) {
            String href = a.attr("href");
            linked += a.text().length() * (href.startsWith("#") && href.length() > 1 ? 0.3 : 1.0);
        }
        return linked / length;
    }

    /** Commas (also the CJK and Arabic ones) in a text: one more for each clause it strings together. */
    static int commas(String text) {
        int commas = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '\uFF0C' || c == '\u3001' || c == '\u060C' || c == '\uFE50' || c == '\uFE51') {
                commas++;
            }
        }
        return commas;
    }

    /** The score an element starts with, from its tag and its class hints. */
    static double initialScore(Element e, boolean weighClasses) {
        double score = switch (e.normalName()) {
            case "div" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        return score + (weighClasses ? classWeight(e) : 0);
    }
}
