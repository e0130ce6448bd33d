package dev.workspace.mfa.admin.importing;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads an import file one person at a time, never the whole file at once: CSV (RFC 4180 quoting, header
 * {@code email,name,roles,groups,password,password_hash,totp_secret} in any order, lists separated by {@code ;}) or
 * a JSON array of objects with the same fields (lists as arrays or {@code ;}-separated strings). Each item is a person
 * or the error of its line; a broken file ends with one error.
 */
public abstract class ImportReader implements Iterator<ImportReader.Item> {

    public static final Set<String> COLUMNS = Set.of("email", "name", "roles", "groups", "password", "password_hash",
            "totp_secret");
    /** Longer lines (or JSON items) are refused, so one line cannot hold the server's memory. */
    public static final int MAX_LINE_CHARS = 16 * 1024;
    public static final int MAX_LINES = 100_000;

    /** A person, or why their line was left out. */
    public record Item(ImportLine person, ImportError error) {
        static Item of(ImportLine person) {
            return new Item(person, null);
        }

        static Item error(int line, ImportProblem problem, String detail) {
            return new Item(null, new ImportError(line, problem.name(), detail));
        }
    }

    public enum Format { CSV, JSON }

    private Item next;
    private boolean finished;
    private int items;

    public static ImportReader of(Format format, Reader reader) {
        return format == Format.CSV ? new Csv(reader) : new JsonArrayReader(reader);
    }

    /** The next item, or null at the end of the file. */
    protected abstract Item read();

    @Override
    public boolean hasNext() {
        if (next == null && !finished) {
            next = read();
            if (next == null) {
                finished = true;
            } else if (++items > MAX_LINES) {
                next = Item.error(next.person() != null ? next.person().line() : next.error().line(),
                        ImportProblem.TOO_MANY_LINES, Integer.toString(MAX_LINES));
                finished = true;
            }
        }
        return next != null;
    }

    @Override
    public Item next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Item item = next;
        next = null;
        return item;
    }

    /** Stops reading after this item. */
    protected final Item last(Item item) {
        finished = true;
        return item;
    }

    static List<String> list(String value) {
        return value == null ? List.of() : Arrays.stream(value.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static ImportLine line(int line, Function<String, String> field, Function<String, List<String>> lists) {
        return new ImportLine(line, blankToNull(field.apply("email")), blankToNull(field.apply("name")),
                lists.apply("roles"), lists.apply("groups"), field.apply("password") == null || field.apply("password").isEmpty()
                ? null : field.apply("password"), blankToNull(field.apply("password_hash")), blankToNull(field.apply("totp_secret")));
    }

    /** CSV, streamed record by record; a record's line number is the physical line it starts on. */
    static final class Csv extends ImportReader {

        private final Reader reader;
        private int physicalLine = 1;
        private int pushedBack = -2;
        private List<String> header;

        Csv(Reader reader) {
            this.reader = reader;
        }

        @Override
        protected Item read() {
            if (header == null) {
                List<String> fields = record();
                if (fields == null) {
                    return null;
                }
                if (fields.stream().anyMatch(f -> f == null)) {
                    return last(Item.error(1, ImportProblem.UNCLOSED_QUOTE, null));
                }
                header = fields.stream().map(f -> f.strip().toLowerCase(Locale.ROOT).replace("\uFEFF", "")).toList();
                for (String column : header) {
                    if (!COLUMNS.contains(column)) {
                        return last(Item.error(1, ImportProblem.UNKNOWN_COLUMN, column.length() > 40 ? column.substring(0, 40) : column));
                    }
                }
                if (!header.contains("email")) {
                    return last(Item.error(1, ImportProblem.NO_EMAIL_COLUMN, null));
                }
            }
            while (true) {
                int start = physicalLine;
                List<String> fields;
                try {
                    fields = record();
                } catch (LineTooLong e) {
                    return Item.error(start, ImportProblem.LINE_TOO_LONG, null);
                }
                if (fields == null) {
                    return null;
                }
                if (fields.size() == 1 && fields.get(0) != null && fields.get(0).isBlank()) {
                    continue;
                }
                if (fields.contains(null)) {
                    return last(Item.error(start, ImportProblem.UNCLOSED_QUOTE, null));
                }
                if (fields.size() > header.size()) {
                    return Item.error(start, ImportProblem.TOO_MANY_FIELDS, null);
                }
                Map<String, String> values = new java.util.HashMap<>();
                for (int i = 0; i < fields.size(); i++) {
                    values.put(header.get(i), fields.get(i));
                }
                return Item.of(line(start, values::get, column -> list(values.get(column))));
            }
        }

        /** One record's fields; null at the end of input; a null field for a quote left open at the end. */
        private List<String> record() {
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            int length = 0;
            boolean quoted = false;
            boolean any = false;
            while (true) {
                int c = nextChar();
                if (c == -1) {
                    if (!any) {
                        return null;
                    }
                    fields.add(quoted ? null : field.toString());
                    return fields;
                }
                any = true;
                if (++length > MAX_LINE_CHARS) {
                    skipRestOfLine(quoted);
                    throw new LineTooLong();
                }
                if (quoted) {
                    if (c == '"') {
                        int following = nextChar();
                        if (following == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            pushBack(following);
                        }
                    } else {
                        if (c == '\n') {
                            physicalLine++;
                        }
                        field.append((char) c);
                    }
                } else if (c == '"' && field.length() == 0) {
                    quoted = true;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                } else if (c == '\n') {
                    physicalLine++;
                    fields.add(field.toString());
                    return fields;
                } else if (c != '\r') {
                    field.append((char) c);
                }
            }
        }

        private void skipRestOfLine(boolean quoted) {
            int c;
            boolean inQuotes = quoted;
            while ((c = nextChar()) != -1) {
                if (c == '"') {
                    inQuotes = !inQuotes;
                } else if (c == '\n') {
                    physicalLine++;
                    if (!inQuotes) {
                        return;
                    }
                }
            }
        }

        private int nextChar() {
            if (pushedBack != -2) {
                int c = pushedBack;
                pushedBack = -2;
                return c;
            }
            try {
                return reader.read();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void pushBack(int c) {
            pushedBack = c;
        }

        private static final class LineTooLong extends RuntimeException {
            LineTooLong() {
                super(null, null, false, false);
            }
        }
    }

    /** A JSON array of objects, streamed item by item. */
    static final class JsonArrayReader extends ImportReader {

        private final JsonParser parser;
        private boolean started;
        private int index;

        JsonArrayReader(Reader reader) {
            this.parser = Json.createParser(reader);
        }

        @Override
        protected Item read() {
            try {
                if (!started) {
                    started = true;
                    if (!parser.hasNext() || parser.next() != JsonParser.Event.START_ARRAY) {
                        return last(Item.error(1, ImportProblem.BAD_JSON, null));
                    }
                }
                if (!parser.hasNext()) {
                    return last(Item.error(index + 1, ImportProblem.BAD_JSON, null));
                }
                JsonParser.Event event = parser.next();
                if (event == JsonParser.Event.END_ARRAY) {
                    return null;
                }
                JsonValue value = parser.getValue();
                index++;
                if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                    return Item.error(index, ImportProblem.NOT_AN_OBJECT, null);
                }
                return item(index, value.asJsonObject());
            } catch (JsonException | IllegalStateException | NoSuchElementException e) {
                return last(Item.error(index + 1, ImportProblem.BAD_JSON, null));
            }
        }

        private static Item item(int index, JsonObject object) {
            for (String field : object.keySet()) {
                if (!COLUMNS.contains(field)) {
                    return Item.error(index, ImportProblem.UNKNOWN_COLUMN, field.length() > 40 ? field.substring(0, 40) : field);
                }
            }
            for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
                JsonValue.ValueType type = entry.getValue().getValueType();
                boolean list = entry.getKey().equals("roles") || entry.getKey().equals("groups");
                boolean ok = type == JsonValue.ValueType.STRING || type == JsonValue.ValueType.NULL
                        || (list && type == JsonValue.ValueType.ARRAY && entry.getValue().asJsonArray().stream()
                        .allMatch(v -> v.getValueType() == JsonValue.ValueType.STRING));
                if (!ok) {
                    return Item.error(index, ImportProblem.BAD_FIELD, entry.getKey());
                }
            }
            return Item.of(line(index, field -> object.get(field) instanceof JsonString s ? s.getString() : null,
                    field -> object.get(field) instanceof JsonArray array
                            ? array.getValuesAs(JsonString.class).stream().map(JsonString::getString).map(String::strip)
                            .filter(s -> !s.isEmpty()).collect(Collectors.toList())
                            : list(object.get(field) instanceof JsonString s ? s.getString() : null)));
        }
    }
}
