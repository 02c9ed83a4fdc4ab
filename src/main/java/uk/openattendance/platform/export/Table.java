package uk.openattendance.platform.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A list as an office reads it in a spreadsheet: one row per item, one column per field, nested fields spelt
 * {@code contact.name}, lists of plain values joined with "; " and lists of objects counted (a call list's contacts, a
 * letter's history: those have their own exports). Built from the same JSON the API returns, so a column is named as
 * the field an integrator knows, and the two can never disagree.
 */
public record Table(List<String> columns, List<List<Cell>> rows) {
    /** One value: a number stays a number in a spreadsheet, everything else is text. */
    public record Cell(String text, Double number) {
        static Cell of(JsonNode v) {
            if (v == null || v.isNull() || v.isMissingNode()) {
                return new Cell("", null);
            }
            if (v.isNumber()) {
                return new Cell(v.asText(), v.asDouble());
            }
            return new Cell(v.asText(), null);
        }
    }

    /**
     * The rows of a response: the list itself, a page's {@code items}, or the one list of objects inside a summary
     * (a day's fire list is its {@code pupils}).
     */
    public static Table of(JsonNode body) {
        JsonNode items = rowsOf(body);
        List<Map<String, Cell>> flat = new ArrayList<>();
        Set<String> columns = new LinkedHashSet<>();
        for (JsonNode item : items) {
            Map<String, Cell> row = new LinkedHashMap<>();
            flatten("", item, row);
            columns.addAll(row.keySet());
            flat.add(row);
        }
        List<String> cols = List.copyOf(columns);
        List<List<Cell>> rows = new ArrayList<>();
        for (Map<String, Cell> row : flat) {
            List<Cell> cells = new ArrayList<>();
            for (String c : cols) {
                cells.add(row.getOrDefault(c, new Cell("", null)));
            }
            rows.add(cells);
        }
        return new Table(cols, rows);
    }

    private static JsonNode rowsOf(JsonNode body) {
        if (body == null || body.isArray()) {
            return body == null ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode() : body;
        }
        if (body.isObject()) {
            if (body.path("items").isArray()) {
                return body.get("items");
            }
            for (Iterator<JsonNode> it = body.elements(); it.hasNext();) {
                JsonNode v = it.next();
                if (v.isArray() && v.size() > 0 && v.get(0).isObject()) {
                    return v;
                }
            }
            // a single object is a table of one row
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode().add(body);
        }
        return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode().add(body);
    }

    private static void flatten(String prefix, JsonNode node, Map<String, Cell> row) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), row));
            return;
        }
        String name = prefix.isEmpty() ? "value" : prefix;
        if (node.isArray()) {
            boolean plain = true;
            List<String> parts = new ArrayList<>();
            for (JsonNode v : node) {
                plain &= v.isValueNode();
                parts.add(v.asText());
            }
            row.put(name, plain ? new Cell(String.join("; ", parts), null) : new Cell(String.valueOf(node.size()), (double) node.size()));
            return;
        }
        row.put(name, Cell.of(node));
    }
}
