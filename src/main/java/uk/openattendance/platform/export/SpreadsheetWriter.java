package uk.openattendance.platform.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.MutableHeaders;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.body.MessageBodyWriter;
import io.micronaut.http.codec.CodecException;
import io.micronaut.http.context.ServerRequestContext;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;

/**
 * Every list the office works from (absentees, at risk, call list, fire list, returns due, penalty considerations,
 * letters, messages) in the format a spreadsheet opens: an operation that declares {@link #CSV} or {@link #XLSX} among
 * what it produces answers a request that accepts one with the same rows its JSON has, as a download named after the
 * list and the day. One writer for all of them, so no list's export can drift from its JSON.
 */
@Singleton
@Produces({Spreadsheets.CSV, Spreadsheets.XLSX})
public final class SpreadsheetWriter implements MessageBodyWriter<Object> {
    private final ObjectMapper mapper;
    private final Clock clock;

    SpreadsheetWriter(ObjectMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    @Override
    public boolean isWriteable(Argument<Object> type, MediaType mediaType) {
        return mediaType != null && (mediaType.matches(MediaType.of(Spreadsheets.CSV)) || mediaType.matches(MediaType.of(Spreadsheets.XLSX)));
    }

    @Override
    public void writeTo(Argument<Object> type, MediaType mediaType, Object object, MutableHeaders outgoing, OutputStream out) throws CodecException {
        Table table = Table.of(mapper.valueToTree(object));
        String name = listName();
        boolean xlsx = mediaType.matches(MediaType.of(Spreadsheets.XLSX));
        String file = name + "-" + LocalDate.now(clock) + (xlsx ? ".xlsx" : ".csv");
        outgoing.set(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"");
        outgoing.set(HttpHeaders.CONTENT_TYPE, xlsx ? Spreadsheets.XLSX : Spreadsheets.CSV + "; charset=utf-8");
        try {
            if (xlsx) {
                Xlsx.write(table, name, out);
            } else {
                out.write(Csv.write(table).getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new CodecException("could not write the " + name + " export", e);
        }
    }

    /** The list's name from the path it was asked for: ".../attendance/persistent-absentees" is "persistent-absentees". */
    private static String listName() {
        String path = ServerRequestContext.currentRequest().map(r -> r.getPath()).orElse("export");
        String[] parts = path.split("/");
        StringBuilder name = new StringBuilder();
        for (int i = parts.length - 1; i >= 0 && name.length() == 0; i--) {
            if (!parts[i].isBlank() && !parts[i].matches("\\d+|AM|PM|\\d{4}-\\d{2}-\\d{2}")) {
                name.append(parts[i].replaceAll("[^A-Za-z0-9-]", ""));
            }
        }
        return name.length() == 0 ? "export" : name.toString();
    }
}
