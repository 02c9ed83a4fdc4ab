package uk.openattendance.letters.app;

import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.HandlebarsException;
import com.github.jknack.handlebars.TagType;
import com.github.jknack.handlebars.Template;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.xml.sax.InputSource;
import uk.openattendance.letters.domain.LetterFields;
import uk.openattendance.platform.problem.FieldError;

/**
 * Merges letter templates (Handlebars, XHTML fragments) and renders letters to PDF with openhtmltopdf in the PDF's
 * built-in Helvetica: no font file to parse per document, which is most of the cost of a letter run.
 */
@Singleton
public class LetterRenderer {
    private static final Set<String> HELPERS = Set.of("if", "unless", "else");
    private final Handlebars handlebars = new Handlebars();
    private final Map<String, Template> compiled = new ConcurrentHashMap<>();

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
        letterPages.forEach(html::append);
        html.append("</body></html>");
        ByteArrayOutputStream out = new ByteArrayOutputStream(16_384 * letterPages.size());
        try {
            PdfRendererBuilder b = new PdfRendererBuilder();
            b.useFastMode();
            b.withHtmlContent(html.toString(), null);
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
