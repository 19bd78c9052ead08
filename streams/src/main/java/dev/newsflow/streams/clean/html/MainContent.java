package dev.newsflow.streams.clean.html;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeTraversor;

/**
 * The article of a web page and nothing else, found the way Mozilla's Readability finds it: clutter removed by its
 * class hints, every paragraph scoring its parent and grandparent by length and commas, the best-scoring container
 * (discounted by its link density) taken with the siblings that score nearly as well, then cleaned of link lists,
 * image galleries and forms. When that leaves too little text, it tries again with fewer of those rules and keeps the
 * longest result. Site-agnostic: no rule names a site.
 */
public final class MainContent {

    /** Below this many characters a pass is thought to have lost the article and the next, looser pass runs. */
    static final int MIN_ARTICLE_CHARS = 500;
    private static final int MAX_ANCESTORS = 5;
    /** Real pages nest a few dozen levels deep; beyond this, nesting is flattened. */
    static final int MAX_DEPTH = 100;
    private static final int MIN_PARAGRAPH_CHARS = 25;
    private static final int TOP_CANDIDATES = 5;
    private static final Set<String> SCORED = Set.of("section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre");
    private static final Set<String> BLOCK_CHILDREN = Set.of("blockquote", "dl", "div", "img", "ol", "p", "pre",
            "table", "ul", "section", "article", "header", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "figure");
    private static final Set<String> UNLIKELY_ROLES = Set.of("menu", "menubar", "complementary", "navigation",
            "alert", "alertdialog", "dialog");
    private static final String REMOVED_ALWAYS = "script, style, noscript, template, link, meta, iframe, svg, canvas, "
            + "object, embed, input, textarea, select, button, nav, aside, footer, picture, video, audio, [hidden], "
            + "[aria-hidden=true], [style~=(?i)display:\\s*none], [style~=(?i)visibility:\\s*hidden]";
    /** A figure becomes an empty placeholder holding its caption: out of the text and the scores, but still in place. */
    private static final String CAPTION = "newsflow-caption";

    /** The rules a pass applies; each later pass drops one. */
    private record Pass(boolean stripUnlikely, boolean weighClasses, boolean cleanConditionally) {
    }

    private static final List<Pass> PASSES = List.of(new Pass(true, true, true), new Pass(false, true, true),
            new Pass(false, false, true), new Pass(false, false, false));

    /**
     * What was found: the content element (detached, in its own document), the byline when the page had one, and the
     * captions of the figures inside the content, in order.
     */
    public record Extracted(Element content, String byline, List<String> captions) {
    }

    private MainContent() {
    }

    public static Extracted extract(String html) {
        Extracted longest = null;
        for (Pass pass : PASSES) {
            Extracted found = new Grab(Jsoup.parse(html), pass).run();
            int length = found.content().text().length();
            if (length >= MIN_ARTICLE_CHARS) {
                return found;
            }
            if (longest == null || length > longest.content().text().length()) {
                longest = found;
            }
        }
        return longest;
    }

    /** One pass over one parsed copy of the page. */
    private static final class Grab {
        private final Document page;
        private final Pass pass;
        private final Map<Element, Double> scores = new IdentityHashMap<>();
        private String byline;

        Grab(Document page, Pass pass) {
            this.page = page;
            this.pass = pass;
        }

        Extracted run() {
            Element body = page.body();
            flattenDeepNesting(body);
            body.select(REMOVED_ALWAYS).remove();
            setCaptionsAside(body);
            removeClutter(body);
            paragraphsFromLooseDivs(body);
            List<Element> candidates = scoreParagraphs(body);
            Element top = topCandidate(body, candidates);
            Element content = withSiblings(top);
            ContentCleaner.clean(content, scores, pass.weighClasses(), pass.cleanConditionally());
            List<String> captions = new ArrayList<>();
            for (Element caption : content.select(CAPTION)) {
                captions.add(caption.attr("text"));
                caption.remove();
            }
            return new Extracted(content, byline, List.copyOf(captions));
        }

        /**
         * What is nested deeper than any real page nests is kept as one paragraph of its text: every rule below looks
         * at an element's subtree, so a hostile page of 100,000 nested divs would otherwise cost quadratic time.
         */
        private static void flattenDeepNesting(Element body) {
            List<Element> atLimit = new ArrayList<>();
            NodeTraversor.traverse((node, depth) -> {
                if (depth == MAX_DEPTH && node instanceof Element e && e.childrenSize() > 0) {
                    atLimit.add(e);
                }
            }, body);
            for (Element e : atLimit) { // disjoint subtrees: linear in the page
                String text = e.text();
                e.empty().appendElement("p").text(text);
            }
        }

        /** Each figure (and a loose figcaption) gives way to a text-less placeholder that remembers its caption. */
        private static void setCaptionsAside(Element body) {
            for (Element figure : body.select("figure, figcaption")) {
                if (figure.parent() == null) {
                    continue; // a figcaption of a figure already replaced
                }
                Element caption = figure.is("figcaption") ? figure : figure.selectFirst("figcaption");
                String text = caption == null ? "" : caption.text().strip();
                if (text.isEmpty()) {
                    figure.remove();
                } else {
                    figure.replaceWith(new Element(CAPTION).attr("text", text));
                }
            }
        }

        /** Unlikely blocks out by class, id and role; the byline kept aside. */
        private void removeClutter(Element body) {
            for (Element e : body.getAllElements()) {
                if (e == body || e.parent() == null) {
                    continue;
                }
                String hints = Signals.hints(e);
                if (byline == null && isByline(e, hints)) {
                    byline = e.text().strip();
                    e.remove();
                    continue;
                }
                if (UNLIKELY_ROLES.contains(e.attr("role"))) {
                    e.remove();
                    continue;
                }
                if (pass.stripUnlikely() && !e.is("a, body, article, main") && Signals.UNLIKELY.matcher(hints).find()
                        && !Signals.MAYBE.matcher(hints).find() && e.closest("table, code") == null) {
                    e.remove();
                }
            }
        }

        private static boolean isByline(Element e, String hints) {
            boolean marked = "author".equals(e.attr("rel")) || e.attr("itemprop").contains("author")
                    || Signals.BYLINE.matcher(hints).find();
            int length = e.text().strip().length();
            return marked && length > 0 && length < 100;
        }

        /** A div holding only text and inline elements is a paragraph; inline runs between blocks become paragraphs. */
        private void paragraphsFromLooseDivs(Element body) {
            Set<Element> holdingBlocks = holdingBlocks(body);
            for (Element div : body.select("div")) {
                if (!holdingBlocks.contains(div)) {
                    div.tagName("p");
                } else {
                    wrapInlineRuns(div, holdingBlocks);
                }
            }
        }

        /** The elements with a block element somewhere inside, in one pass from the leaves up (linear in the page). */
        private static Set<Element> holdingBlocks(Element body) {
            Set<Element> holding = Collections.newSetFromMap(new IdentityHashMap<>());
            Elements all = body.getAllElements();
            for (int i = all.size() - 1; i >= 0; i--) { // descendants come after their ancestors in document order
                Element e = all.get(i);
                for (Element child : e.children()) {
                    if (BLOCK_CHILDREN.contains(child.normalName()) || holding.contains(child)) {
                        holding.add(e);
                        break;
                    }
                }
            }
            return holding;
        }

        private static void wrapInlineRuns(Element div, Set<Element> holdingBlocks) {
            List<Node> run = new ArrayList<>();
            for (Node child : new ArrayList<>(div.childNodes())) {
                boolean inline = child instanceof TextNode
                        || (child instanceof Element e && !BLOCK_CHILDREN.contains(e.normalName()) && !holdingBlocks.contains(e));
                if (inline) {
                    run.add(child);
                } else {
                    wrap(run);
                }
            }
            wrap(run);
        }


        private static void wrap(List<Node> run) {
            boolean hasText = run.stream().anyMatch(n -> n instanceof TextNode t ? !t.isBlank()
                    : n instanceof Element e && !e.is("br") && !e.text().isBlank());
            if (hasText) {
                Element p = new Element("p");
                run.get(0).before(p);
                run.forEach(p::appendChild);
            }
            run.clear();
        }

        /** Each paragraph adds to its ancestors: fully to its parent, half to its grandparent, less further up. */
        private List<Element> scoreParagraphs(Element body) {
            List<Element> candidates = new ArrayList<>();
            for (Element e : body.getAllElements()) {
                if (!SCORED.contains(e.normalName()) || e.parent() == null) {
                    continue;
                }
                String text = e.text().strip();
                if (text.length() < MIN_PARAGRAPH_CHARS) {
                    continue;
                }
                double score = 1 + Signals.commas(text) + Math.min(text.length() / 100, 3);
                Element ancestor = e.parent();
                for (int level = 0; ancestor != null && level < MAX_ANCESTORS && ancestor != body.parent(); level++) {
                    if (!scores.containsKey(ancestor)) {
                        scores.put(ancestor, Signals.initialScore(ancestor, pass.weighClasses()));
                        candidates.add(ancestor);
                    }
                    double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                    scores.merge(ancestor, score / divider, Double::sum);
                    ancestor = ancestor.parent();
                }
            }
            for (Element candidate : candidates) {
                scores.computeIfPresent(candidate, (e, s) -> s * (1 - Signals.linkDensity(e)));
            }
            return candidates;
        }

        private double score(Element e) {
            return scores.getOrDefault(e, 0.0);
        }

        /** The best candidate, moved up to an ancestor when that holds several nearly as good ones or scores better. */
        private Element topCandidate(Element body, List<Element> candidates) {
            List<Element> best = candidates.stream().sorted((a, b) -> Double.compare(score(b), score(a)))
                    .limit(TOP_CANDIDATES).toList();
            if (best.isEmpty() || best.get(0) == body) {
                return body;
            }
            Element top = best.get(0);
            double topScore = score(top);
            List<Element> close = best.stream().skip(1).filter(c -> score(c) / topScore >= 0.75).toList();
            if (close.size() >= 3) {
                for (Element parent = top.parent(); parent != null && parent != body; parent = parent.parent()) {
                    Element ancestor = parent;
                    if (close.stream().filter(c -> isAncestor(ancestor, c)).count() >= 3) {
                        top = parent;
                        break;
                    }
                }
            }
            double lastScore = score(top);
            double threshold = lastScore / 3;
            for (Element parent = top.parent(); parent != null && parent != body; parent = parent.parent()) {
                if (!scores.containsKey(parent)) {
                    continue;
                }
                double parentScore = score(parent);
                if (parentScore < threshold) {
                    break;
                }
                if (parentScore > lastScore) {
                    top = parent;
                    break;
                }
                lastScore = parentScore;
            }
            while (top.parent() != null && top.parent() != body && top.parent().childrenSize() == 1) {
                top = top.parent();
            }
            return top;
        }

        private static boolean isAncestor(Element ancestor, Element e) {
            for (Element p = e.parent(); p != null; p = p.parent()) {
                if (p == ancestor) {
                    return true;
                }
            }
            return false;
        }

        /** The top candidate with the siblings that score close to it or read like paragraphs of the same text. */
        private Element withSiblings(Element top) {
            Element content = new Element("div");
            Element parent = top.parent();
            if (parent == null || top == page.body()) {
                content.appendChild(top.tagName().equals("body") ? top.tagName("div") : top);
                return content;
            }
            double topScore = score(top);
            double threshold = Math.max(10, topScore * 0.2);
            for (Element sibling : new ArrayList<>(parent.children())) {
                if (sibling == top || belongs(sibling, top, topScore, threshold)) {
                    content.appendChild(sibling);
                }
            }
            return content;
        }

        private boolean belongs(Element sibling, Element top, double topScore, double threshold) {
            double bonus = !top.className().isEmpty() && top.className().equals(sibling.className()) ? topScore * 0.2 : 0;
            if (scores.containsKey(sibling) && score(sibling) + bonus >= threshold) {
                return true;
            }
            if (!sibling.normalName().equals("p")) {
                return false;
            }
            String text = sibling.text().strip();
            double density = Signals.linkDensity(sibling);
            return (text.length() > 80 && density < 0.25)
                    || (!text.isEmpty() && text.length() <= 80 && density == 0 && text.matches("(?s).*\\.( |$).*"));
        }
    }
}
