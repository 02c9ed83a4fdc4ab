package uk.openattendance.platform.db;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SQL with {@code :name} parameters turned into JDBC's {@code ?} and the values in placeholder order. A name may appear
 * more than once; a collection value becomes one placeholder per element ({@code IN (:ids)} → {@code IN (?, ?, ?)}), so
 * an IN list never needs text built by hand. Quoted text ({@code '...'}, {@code "..."}, {@code `...`}), comments, the
 * {@code ::} cast and MariaDB's {@code :=} are left alone.
 */
final class NamedSql {
    /** The parsed shape of one SQL text: the pieces between parameters and the parameters' names, in order. */
    record Parsed(List<String> pieces, List<String> names) {}

    /** The statement JDBC runs: SQL with {@code ?} and the values to bind in that order. */
    record Bound(String sql, List<Object> values) {}

    /**
     * Stores' SQL texts are constants, so the cache holds a few hundred entries at most; past {@link #CACHED} (a text
     * built with something varying in it) a statement is parsed each time rather than held for ever.
     */
    private static final Map<String, Parsed> PARSED = new ConcurrentHashMap<>();
    private static final int CACHED = 2_000;

    private NamedSql() {}

    static Bound bind(String sql, Map<String, ?> params) {
        Parsed parsed = PARSED.get(sql);
        if (parsed == null) {
            parsed = parse(sql);
            if (PARSED.size() < CACHED) {
                PARSED.put(sql, parsed);
            }
        }
        StringBuilder out = new StringBuilder(sql.length() + 16);
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < parsed.names().size(); i++) {
            out.append(parsed.pieces().get(i));
            String name = parsed.names().get(i);
            if (!params.containsKey(name)) {
                throw new IllegalArgumentException("no value for :" + name + " in " + sql);
            }
            Object value = params.get(name);
            if (value instanceof Collection<?> many) {
                if (many.isEmpty()) {
                    // IN (NULL) matches nothing, which is what an empty list means
                    out.append("NULL");
                } else {
                    boolean first = true;
                    for (Object v : many) {
                        out.append(first ? "?" : ", ?");
                        values.add(v);
                        first = false;
                    }
                }
            } else {
                out.append('?');
                values.add(value);
            }
        }
        out.append(parsed.pieces().get(parsed.names().size()));
        return new Bound(out.toString(), values);
    }

    static Parsed parse(String sql) {
        List<String> pieces = new ArrayList<>();
        List<String> names = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = closing(sql, i, c);
                piece.append(sql, i, end);
                i = end;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-' || c == '#') {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? n : end;
                piece.append(sql, i, end);
                i = end;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                piece.append(sql, i, end);
                i = end;
            } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
                piece.append("::");
                i += 2;
            } else if (c == ':' && i + 1 < n && isNameStart(sql.charAt(i + 1))) {
                int end = i + 2;
                while (end < n && isNamePart(sql.charAt(end))) {
                    end++;
                }
                pieces.add(piece.toString());
                piece.setLength(0);
                names.add(sql.substring(i + 1, end));
                i = end;
            } else {
                piece.append(c);
                i++;
            }
        }
        pieces.add(piece.toString());
        return new Parsed(List.copyOf(pieces), List.copyOf(names));
    }

    /** Just past the quote closing the one at {@code start}: a doubled quote or a backslash escapes it. */
    private static int closing(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\\' && quote != '`') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
