package uk.openattendance.letters.app;

import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.HandlebarsException;
import com.github.jknack.handlebars.TagType;
import com.github.jknack.handlebars.Template;
import com.openhtmltopdf.extend.FSStream;
import com.openhtmltopdf.extend.FSStreamFactory;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
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
import javax.xml.parsers.DocumentBuilderFactory;
import org.xml.sax.InputSource;
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
    private final Map<String, Template> compiled = new ConcurrentHashMap<>();
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

    /** One page or more per letter; several letters make one document (a print run), each starting on a new page. */
    public byte[] pdf(List<String> letterPages) {
        StringBuilder html = new StringBuilder(4096 * letterPages.size());
        html.append("<html><head><style>@page { size: A4; margin: 18mm 20mm; } body { font-family: Helvetica, sans-serif; font-size: 11pt; "
                + "line-height: 1.35; color: #111; } .school { text-align: right; font-size: 10pt; } .school b { font-size: 13pt; } "
                + ".date { margin-top: 12mm; } h2 { font-size: 13pt; margin: 8mm 0 4mm 0; } .foot { margin-top: 10mm; font-size: 8.5pt; color: #444; "
                + "border-top: 0.5pt solid #999; padding-top: 2mm; } .letter { page-break-after: always; } .letter:last-child { page-break-after: auto; }"
                + "</style></head><body>");
        letterPages.forEach(page -> html.append(LetterHtml.clean(page)));
        html.append("</body></html>");
        return render(html.toString(), letterPages.size());
    }

    /** Renders a whole XHTML document, as cleaned or not: whatever it asks for, nothing is loaded. */
    byte[] render(String html, int letters) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16_384 * letters);
        try {
            PdfRendererBuilder b = new PdfRendererBuilder();
            b.useFastMode();
            b.useUriResolver((base, uri) -> null);
            b.useHttpStreamImplementation(NOTHING);
            b.useProtocolsStreamImplementation(NOTHING, PROTOCOLS);
            b.useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
            b.useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
            b.withHtmlContent(html, null);
            b.toStream(out);
            b.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
