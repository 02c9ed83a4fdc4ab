package uk.openattendance.letters.app;

import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.HandlebarsException;
import com.github.jknack.handlebars.TagType;
import com.github.jknack.handlebars.Template;
import com.openhtmltopdf.extend.FSStream;
import com.openhtmltopdf.extend.FSStreamFactory;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import uk.openattendance.letters.domain.LetterFields;
import uk.openattendance.letters.domain.LetterHtml;
import uk.openattendance.platform.problem.FieldError;

/**
 * Merges letter templates (Handlebars, XHTML fragments) and renders letters to PDF with openhtmltopdf in the PDF's
 * built-in Helvetica: no font file to parse per document, which is most of the cost of a letter run.
 *
 * <p>The renderer loads nothing: every page is cleaned by {@link LetterHtml} as it is rendered, and the renderer is given
 * a URI resolver that resolves nothing, stream factories that open nothing, for every protocol it knows, and an access
 * control that refuses every external resource. Letter HTML is written by the office; without this an {@code <img>}
 * or a CSS {@code url()} in a template made the service fetch any address its network reaches (three requests per
 * render). A bundled font would be given with {@code useFont(supplier, family)}, which reads no URI.
 */
@Singleton
public class LetterRenderer {
    private static final Set<String> HELPERS = Set.of("if", "unless", "else");
    private final Handlebars handlebars = new Handlebars();
    /**
     * Compiled templates keyed by their own text, so a wording saved on another replica is simply another key: never
     * stale, on any instance. Compiling costs more than merging, and a letter run merges one template per letter.
     */
    private final Map<String, Template> compiled = new ConcurrentHashMap<>();
    /** Old wordings are never asked for again; past this many texts the map starts over rather than grow for ever. */
    static final int MAX_COMPILED = 500;
    private static final FSStreamFactory NOTHING = uri -> new FSStream() {
        @Override
        public InputStream getStream() {
            return null;
        }

        @Override
        public Reader getReader() {
            return null;
        }
    };
    private static final String[] PROTOCOLS = {"http", "https", "file", "jar", "ftp", "data", "classpath", "mailto", "gopher", "netdoc"};
    /** Every merge field set, so a template's {@code {{#if}}} sections are checked as they read when filled in. */
    private static final Map<String, Object> EVERY_FIELD = everyField();

    static {
        // openhtmltopdf logs several INFO lines per document through java.util.logging: thousands per letter run
        com.openhtmltopdf.util.XRLog.setLoggingEnabled(false);
    }

    /** What is wrong with a template, field by field; empty when it can be saved. */
    public List<FieldError> check(String field, String text) {
        List<FieldError> errors = new ArrayList<>();
        Template t;
        try {
            t = handlebars.compileInline(text);
        } catch (HandlebarsException | IOException e) {
            errors.add(new FieldError(field, "a template whose {{...}} tags open and close correctly: " + firstLine(e.getMessage())));
            return errors;
        }
        if (!t.collect(TagType.TRIPLE_VAR, TagType.AMP_VAR).isEmpty()) {
            errors.add(new FieldError(field, "fields in double braces only, {{like.this}}: triple braces would let data write raw HTML into a letter"));
        }
        Set<String> used = new LinkedHashSet<>(t.collect(TagType.VAR, TagType.SECTION));
        used.addAll(t.collectReferenceParameters());
        used.removeAll(HELPERS);
        for (String name : used) {
            if (!LetterFields.ALLOWED.contains(name)) {
                errors.add(new FieldError(field, "known merge fields only; '" + name + "' is not one (allowed: " + String.join(", ",
                        LetterFields.ALLOWED.stream().sorted().toList()) + ")"));
            }
        }
        if (errors.isEmpty()) {
            String xml = wellFormed(merge(text, Map.of()));
            if (xml != null) {
                errors.add(new FieldError(field, "well-formed XHTML (every tag closed, &amp; for &, no &nbsp;): " + xml));
            }
        }
        return errors;
    }

    /**
     * What in a letter's HTML is not allowed (pictures, style sheets, frames, scripts, CSS that loads): refused when
     * saved rather than cleaned, so the office sees exactly what to change instead of finding its wording silently cut.
     * A template is checked as written and as merged with its sections shown and hidden.
     */
    public List<FieldError> unsafe(String field, String html, boolean template) {
        Set<String> found = new LinkedHashSet<>(LetterHtml.notAllowed(html));
        if (template) {
            try {
                found.addAll(LetterHtml.notAllowed(merge(html, EVERY_FIELD)));
                found.addAll(LetterHtml.notAllowed(merge(html, Map.of())));
            } catch (RuntimeException e) {
                // a template that does not merge is refused by check() with its own message
            }
        }
        if (found.isEmpty()) {
            return List.of();
        }
        return List.of(new FieldError(field, "letter text and formatting only, nothing the PDF renderer would fetch or run: remove "
                + String.join(", ", found) + " (allowed: " + LetterHtml.ALLOWED + ")"));
    }

    private static Map<String, Object> everyField() {
        Map<String, Object> model = new HashMap<>();
        for (String name : LetterFields.ALLOWED) {
            int dot = name.indexOf('.');
            if (dot < 0) {
                model.put(name, "1");
            } else {
                @SuppressWarnings("unchecked")
                Map<String, Object> part = (Map<String, Object>) model.computeIfAbsent(name.substring(0, dot), k -> new HashMap<String, Object>());
                part.put(name.substring(dot + 1), "1");
            }
        }
        return model;
    }

    public String merge(String template, Map<String, Object> model) {
        if (compiled.size() > MAX_COMPILED) {
            compiled.clear();
        }
        Template t = compiled.computeIfAbsent(template, text -> {
            try {
                return handlebars.compileInline(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            return t.apply(model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Null when the fragment parses as XHTML, else the parser's complaint. */
    public String wellFormed(String fragment) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            var builder = f.newDocumentBuilder();
            builder.setErrorHandler(null); // the complaint is returned to the caller, not printed
            builder.parse(new InputSource(new StringReader("<div>" + fragment + "</div>")));
            return null;
        } catch (Exception e) {
            return firstLine(e.getMessage());
        }
    }

    /**
     * The page's CSS. The address block sits where a DL window envelope shows it when the A4 page is folded in three:
     * the window is 90 x 45 mm, 20 mm from the envelope's left edge and 15 mm from its bottom (the usual C5/DL left
     * window), i.e. 50-95 mm from the top of a 110 mm envelope. A folded page (99 mm panels) can drop 11 mm and slide
     * 10 mm inside it, so the block is kept to what the window shows wherever the page sits: 20-100 mm from the page's
     * left edge and 52-82 mm from its top (the 18 mm page margin, a 34 mm header, then 30 mm of address).
     */
    static final String STYLE = "@page { size: A4; margin: 18mm 20mm; } body { font-family: Helvetica, sans-serif; font-size: 11pt; "
            + "line-height: 1.35; color: #111; } .school { text-align: right; font-size: 10pt; } .school b { font-size: 13pt; } "
            + ".top { height: 34mm; overflow: hidden; } .window { width: 80mm; height: 30mm; overflow: hidden; font-size: 10.5pt; line-height: 1.25; } "
            + ".date { margin-top: 4mm; } h2 { font-size: 13pt; margin: 6mm 0 4mm 0; } .foot { margin-top: 6mm; font-size: 8.5pt; color: #444; "
            + "border-top: 0.5pt solid #999; padding-top: 2mm; } .letter { page-break-after: always; } .letter:last-child { page-break-after: auto; } "
            + ".chart { margin: 3mm 0 1mm 0; page-break-inside: avoid; } .chart-title { font-weight: bold; font-size: 10.5pt; margin: 0 0 1mm 0; } "
            + ".plot { position: relative; } .plot span { position: absolute; line-height: 1; white-space: nowrap; } table.weeks { border-collapse: collapse; font-size: 7.5pt; margin-top: 1mm; } "
            + "table.weeks caption { text-align: left; font-size: 7.5pt; color: #444; } table.weeks th, table.weeks td { padding: 0.3mm 1.2mm; "
            + "text-align: left; font-weight: normal; border-bottom: 0.3pt solid #ccc; } table.weeks th[scope=row] { color: #444; }";

    /**
     * One letter as the renderer assembles it: {@code before} and {@code after} are the letter's own HTML (cleaned as
     * every letter is), {@code chart} is markup this service made (the weekly chart), inserted between them after the
     * cleaning, so a template can never carry SVG of its own.
     */
    public record LetterPage(String before, String chart, String after) {}

    /** One page or more per letter; several letters make one document (a print run), each starting on a new page. */
    public byte[] pdf(List<String> letterPages) {
        StringBuilder html = new StringBuilder(4096 * letterPages.size());
        html.append("<html><head><style>").append(STYLE).append("</style></head><body>");
        letterPages.forEach(page -> html.append(LetterHtml.clean(page)));
        html.append("</body></html>");
        return render(html.toString(), letterPages.size());
    }

    /** Letters with their charts, each starting on a new page, in the order given (a print run's posting order). */
    public byte[] pages(List<LetterPage> pages) {
        StringBuilder html = new StringBuilder(12_288 * pages.size());
        html.append("<html><head><style>").append(STYLE).append("</style></head><body>");
        for (LetterPage p : pages) {
            html.append("<div class=\"letter\">").append(LetterHtml.clean(p.before()));
            if (p.chart() != null) {
                html.append(p.chart());
            }
            html.append(LetterHtml.clean(p.after())).append("</div>");
        }
        html.append("</body></html>");
        return render(html.toString(), pages.size());
    }

    /** Renders a whole XHTML document, as cleaned or not: whatever it asks for, nothing is loaded. */
    byte[] render(String html, int letters) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16_384 * letters);
        try {
            Document document = parse(html);
            PdfRendererBuilder b = new PdfRendererBuilder();
            b.useFastMode();
            b.useUriResolver((base, uri) -> null);
            b.useHttpStreamImplementation(NOTHING);
            b.useProtocolsStreamImplementation(NOTHING, PROTOCOLS);
            b.useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
            b.useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
            // Batik draws the charts; secure modes: no scripts, and no resource an SVG names is loaded (ours name none)
            b.useSVGDrawer(new BatikSVGDrawer(BatikSVGDrawer.SvgScriptMode.SECURE, BatikSVGDrawer.SvgExternalResourceMode.SECURE));
            b.withW3cDocument(document, null);
            b.toStream(out);
            b.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The document as openhtmltopdf would parse it (namespace-aware XML), but with one factory for the life of the
     * service and one parser per thread: given a string, openhtmltopdf looks its SAX factory up on the class path
     * (a scan of every jar) and builds a parser and an identity transform for each letter, an eighth of a letter's cost.
     * No DOCTYPE is accepted, so no entity can be declared, let alone fetched.
     */
    static Document parse(String html) {
        DocumentBuilder builder = PARSER.get();
        try {
            return builder.parse(new InputSource(new StringReader(html)));
        } catch (SAXException | IOException e) {
            throw new IllegalArgumentException("not well-formed XHTML: " + firstLine(e.getMessage()), e);
        } finally {
            builder.reset();
        }
    }

    private static final ThreadLocal<DocumentBuilder> PARSER = ThreadLocal.withInitial(() -> {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setValidating(false);
            f.setExpandEntityReferences(false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            DocumentBuilder builder = f.newDocumentBuilder();
            builder.setErrorHandler(null); // a failure is thrown, not printed
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    });

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
