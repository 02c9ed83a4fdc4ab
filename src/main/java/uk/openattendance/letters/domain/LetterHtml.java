package uk.openattendance.letters.domain;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * What a letter's HTML may contain: text and its formatting, nothing the PDF renderer would fetch from elsewhere
 * (pictures, style sheets, frames, fonts, CSS {@code url()}) and nothing that runs. Judged by jsoup's {@link Safelist}
 * on the parsed HTML, so odd spellings ({@code <IMG SRC=...>}, entities in a URL) are judged as the renderer reads them.
 * Handlebars fields are text to the parser, so templates are checked with their {@code {{...}}} in place.
 */
public final class LetterHtml {
    private LetterHtml() {}

    private static final String[] TAGS = {"a", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "div", "dl", "dt", "em",
        "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "li", "ol", "p", "pre", "q", "s", "small", "span", "strike", "strong", "sub", "sup", "table",
        "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul"};
    private static final Safelist SAFE = new Safelist()
            .addTags(TAGS)
            .addAttributes(":all", "class", "style", "title", "align")
            .addAttributes("a", "href")
            .addAttributes("col", "span", "width")
            .addAttributes("colgroup", "span", "width")
            .addAttributes("ol", "start", "type")
            .addAttributes("ul", "type")
            .addAttributes("table", "width", "border", "cellpadding", "cellspacing")
            .addAttributes("td", "colspan", "rowspan", "width", "valign")
            .addAttributes("th", "colspan", "rowspan", "width", "valign", "scope")
            .addProtocols("a", "href", "https", "http", "mailto", "tel");

    /** CSS that loads or runs something: url(), @import, image-set(), IE expressions and bindings, and escapes that could spell them. */
    private static final Pattern LOADING_CSS = Pattern.compile("url\\s*\\(|@import|image-set|expression\\s*\\(|behavior|-moz-binding|\\\\|/\\*",
            Pattern.CASE_INSENSITIVE);

    public static final String ALLOWED = "text, and the elements " + String.join(", ", TAGS) + " with class, style (no url() or @import), title and "
            + "align; links to https:, http:, mailto: or tel: addresses";

    /** Each thing in this HTML a letter may not contain, named for the person who wrote it; empty when there is none. */
    public static List<String> notAllowed(String html) {
        Set<String> found = new LinkedHashSet<>();
        Document doc = Jsoup.parseBodyFragment(html, "");
        for (Element e : doc.body().getAllElements()) {
            if (e == doc.body()) {
                continue;
            }
            String tag = e.normalName();
            if (!SAFE.isSafeTag(tag)) {
                found.add("the <" + tag + "> element");
                continue;
            }
            for (Attribute a : e.attributes()) {
                String name = a.getKey().toLowerCase(Locale.ROOT);
                if (name.equals("style") && LOADING_CSS.matcher(a.getValue()).find()) {
                    found.add("url(), @import, expression() or escapes in the style of a <" + tag + ">");
                } else if (!SAFE.isSafeAttribute(tag, e, a)) {
                    found.add(name.equals("href") ? "the link '" + shorten(a.getValue()) + "' (links may go to https:, http:, mailto: or tel: only)"
                            : "the " + name + " attribute on <" + tag + ">");
                }
            }
        }
        return List.copyOf(found);
    }

    /**
     * The HTML with everything {@link #notAllowed} names removed, as XHTML for the renderer. Applied to every letter as it
     * is rendered, so rows stored before these rules (or anything a template's fields could assemble) are cleaned too.
     */
    public static String clean(String html) {
        Document clean = new Cleaner(SAFE).clean(Jsoup.parseBodyFragment(html, ""));
        for (Element e : clean.body().select("[style]")) {
            if (LOADING_CSS.matcher(e.attr("style")).find()) {
                e.removeAttr("style");
            }
        }
        clean.outputSettings().syntax(Document.OutputSettings.Syntax.xml).escapeMode(Entities.EscapeMode.xhtml).charset(StandardCharsets.UTF_8)
                .prettyPrint(false);
        return clean.body().html();
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
