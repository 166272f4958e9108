package dev.bklint.buildkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The few settings of a {@code buildkitd.toml} that say how the daemon serves its API: {@code [grpc] address} and
 * {@code [grpc.tls]} {@code ca}, {@code cert} and {@code key} (moby/buildkit@73ed6825c4b7:cmd/buildkitd/config/
 * config.go:79-95). It is a reader of just enough TOML to find them, not a TOML parser: whatever it does not
 * understand, or a key that only differs from these in case (go-toml v2 would match it), makes the whole file
 * unreadable, so that a rule stays silent rather than guess.
 */
public final class BuildkitdToml {
    /** One address of the list, with its offsets in the text when the string is written without escapes, else -1. */
    public record Address(String value, int start, int end) {
    }

    private static final List<String> WANTED = List.of("grpc.address", "grpc.tls.ca", "grpc.tls.cert",
            "grpc.tls.key");

    private final List<Address> addresses;
    private final Map<String, String> tls;

    private BuildkitdToml(List<Address> addresses, Map<String, String> tls) {
        this.addresses = addresses;
        this.tls = tls;
    }

    /** The {@code [grpc] address} list; empty when the file sets none. */
    public List<Address> addresses() {
        return addresses;
    }

    /** A {@code [grpc.tls]} setting ({@code ca}, {@code cert} or {@code key}), or "" when unset. */
    public String tls(String name) {
        return tls.getOrDefault("grpc.tls." + name, "");
    }

    /** The settings the text holds, or null when any part of it is beyond this reader. */
    public static BuildkitdToml parse(String text) {
        try {
            return new Reader(text).read();
        } catch (Unreadable e) {
            return null;
        }
    }

    /** A value: a string (with its offsets when exact), an array, an inline table, or anything else. */
    private record Value(String string, int start, int end, List<Value> items, Map<String, Value> table) {
    }

    private static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable() {
            super(null, null, false, false);
        }
    }

    private static final class Reader {
        private final String text;
        private int pos;
        private final Map<String, Value> keys = new LinkedHashMap<>();
        private final List<String> tables = new ArrayList<>();

        Reader(String text) {
            this.text = text;
        }

        BuildkitdToml read() throws Unreadable {
            String table = "";
            while (true) {
                skipBlank(true);
                if (pos >= text.length()) {
                    break;
                }
                if (text.startsWith("[[", pos)) {
                    pos += 2;
                    table = key(']');
                    expect("]]");
                    if (isOurs(table)) {
                        throw new Unreadable(); // not a table array in buildkitd's config
                    }
                    table = table + "[]"; // its keys are never ours
                } else if (text.charAt(pos) == '[') {
                    pos++;
                    table = key(']');
                    expect("]");
                    if (tables.contains(table)) {
                        throw new Unreadable(); // defined twice: the file does not load
                    }
                    tables.add(table);
                } else {
                    String k = key('=');
                    expect("=");
                    skipBlank(false);
                    assign(table.isEmpty() ? k : table + "." + k, value());
                }
                endOfLine();
            }
            return settings();
        }

        private BuildkitdToml settings() throws Unreadable {
            List<Address> addresses = new ArrayList<>();
            Value list = keys.get("grpc.address");
            if (list != null) {
                if (list.items() == null) {
                    throw new Unreadable();
                }
                for (Value v : list.items()) {
                    if (v.string() == null) {
                        throw new Unreadable();
                    }
                    addresses.add(new Address(v.string(), v.start(), v.end()));
                }
            }
            Map<String, String> tls = new LinkedHashMap<>();
            for (String name : List.of("ca", "cert", "key")) {
                Value v = keys.get("grpc.tls." + name);
                if (v != null && v.string() == null) {
                    throw new Unreadable();
                }
                if (v != null) {
                    tls.put("grpc.tls." + name, v.string());
                }
            }
            return new BuildkitdToml(List.copyOf(addresses), tls);
        }

        /** Records a key, flattening inline tables, so that {@code grpc = {address = [...]}} is read too. */
        private void assign(String key, Value value) throws Unreadable {
            if (value.table() != null) {
                for (Map.Entry<String, Value> e : value.table().entrySet()) {
                    assign(key + "." + e.getKey(), e.getValue());
                }
                return;
            }
            if (keys.put(key, value) != null) {
                throw new Unreadable(); // a key set twice: the file does not load
            }
            for (String wanted : WANTED) {
                if (!wanted.equals(key) && wanted.equalsIgnoreCase(key)) {
                    throw new Unreadable();
                }
            }
        }

        private static boolean isOurs(String table) {
            String t = table.toLowerCase(Locale.ROOT);
            return t.equals("grpc") || t.startsWith("grpc.");
        }

        /** A dotted key up to {@code stop}: bare parts, or quoted parts without escapes. */
        private String key(char stop) throws Unreadable {
            StringBuilder key = new StringBuilder();
            while (true) {
                skipSpaces();
                if (pos >= text.length()) {
                    throw new Unreadable();
                }
                char c = text.charAt(pos);
                if (c == '"' || c == '\'') {
                    int close = text.indexOf(c, pos + 1);
                    int nl = text.indexOf('\n', pos + 1);
                    String part = close < 0 ? null : text.substring(pos + 1, close);
                    if (part == null || nl >= 0 && nl < close || part.indexOf('\\') >= 0) {
                        throw new Unreadable();
                    }
                    key.append(part);
                    pos = close + 1;
                } else {
                    int start = pos;
                    while (pos < text.length() && bare(text.charAt(pos))) {
                        pos++;
                    }
                    if (pos == start) {
                        throw new Unreadable();
                    }
                    key.append(text, start, pos);
                }
                skipSpaces();
                if (pos < text.length() && text.charAt(pos) == '.') {
                    key.append('.');
                    pos++;
                } else if (pos < text.length() && text.charAt(pos) == stop) {
                    return key.toString();
                } else {
                    throw new Unreadable();
                }
            }
        }

        private Value value() throws Unreadable {
            if (pos >= text.length()) {
                throw new Unreadable();
            }
            char c = text.charAt(pos);
            if (text.startsWith("\"\"\"", pos) || text.startsWith("'''", pos)) {
                return multiline(text.substring(pos, pos + 3));
            }
            if (c == '"') {
                return basic();
            }
            if (c == '\'') {
                int close = text.indexOf('\'', pos + 1);
                int nl = text.indexOf('\n', pos + 1);
                if (close < 0 || nl >= 0 && nl < close) {
                    throw new Unreadable();
                }
                Value v = new Value(text.substring(pos + 1, close), pos + 1, close, null, null);
                pos = close + 1;
                return v;
            }
            if (c == '[') {
                return array();
            }
            if (c == '{') {
                return inlineTable();
            }
            int start = pos;
            while (pos < text.length() && (bare(text.charAt(pos)) || "+:.".indexOf(text.charAt(pos)) >= 0)) {
                pos++;
            }
            if (pos == start) {
                throw new Unreadable();
            }
            return new Value(null, start, pos, null, null); // a number, a boolean or a date: never one of ours
        }

        /** A basic string; its offsets are exact only when it has no escapes. */
        private Value basic() throws Unreadable {
            int start = ++pos;
            StringBuilder s = new StringBuilder();
            boolean escaped = false;
            while (pos < text.length() && text.charAt(pos) != '"') {
                char c = text.charAt(pos++);
                if (c == '\n') {
                    throw new Unreadable();
                }
                if (c != '\\') {
                    s.append(c);
                    continue;
                }
                escaped = true;
                if (pos >= text.length()) {
                    throw new Unreadable();
                }
                char e = text.charAt(pos++);
                int simple = "\"\\btnfr".indexOf(e);
                if (simple >= 0) {
                    s.append("\"\\\b\t\n\f\r".charAt(simple));
                } else {
                    throw new Unreadable(); // \\u and the rest: not worth decoding for an address or a path
                }
            }
            if (pos >= text.length()) {
                throw new Unreadable();
            }
            int end = pos++;
            return escaped ? new Value(s.toString(), -1, -1, null, null) : new Value(s.toString(), start, end, null,
                    null);
        }

        /** A multi-line string: read for its extent only, its text is never used as an address. */
        private Value multiline(String delimiter) throws Unreadable {
            int from = pos + 3;
            int search = from;
            int close;
            while (true) {
                close = text.indexOf(delimiter, search);
                if (close < 0) {
                    throw new Unreadable();
                }
                if (delimiter.startsWith("\"") && escapedAt(close)) {
                    search = close + 1;
                    continue;
                }
                break;
            }
            while (text.startsWith(delimiter.substring(0, 1), close + 3)) {
                close++; // up to two quotes may end the content
            }
            pos = close + 3;
            String raw = text.substring(from, close);
            if (raw.startsWith("\n")) {
                raw = raw.substring(1);
            }
            return new Value(raw, -1, -1, null, null);
        }

        private boolean escapedAt(int i) {
            int backslashes = 0;
            while (i - 1 - backslashes >= 0 && text.charAt(i - 1 - backslashes) == '\\') {
                backslashes++;
            }
            return backslashes % 2 == 1;
        }

        private Value array() throws Unreadable {
            pos++;
            List<Value> items = new ArrayList<>();
            while (true) {
                skipBlank(true);
                if (pos < text.length() && text.charAt(pos) == ']') {
                    pos++;
                    return new Value(null, -1, -1, items, null);
                }
                items.add(value());
                skipBlank(true);
                if (pos < text.length() && text.charAt(pos) == ',') {
                    pos++;
                } else if (pos >= text.length() || text.charAt(pos) != ']') {
                    throw new Unreadable();
                }
            }
        }

        private Value inlineTable() throws Unreadable {
            pos++;
            Map<String, Value> table = new LinkedHashMap<>();
            skipSpaces();
            if (pos < text.length() && text.charAt(pos) == '}') {
                pos++;
                return new Value(null, -1, -1, null, table);
            }
            while (true) {
                String k = key('=');
                expect("=");
                skipSpaces();
                if (table.put(k, value()) != null) {
                    throw new Unreadable();
                }
                skipSpaces();
                if (pos < text.length() && text.charAt(pos) == ',') {
                    pos++;
                } else if (pos < text.length() && text.charAt(pos) == '}') {
                    pos++;
                    return new Value(null, -1, -1, null, table);
                } else {
                    throw new Unreadable();
                }
            }
        }

        private static boolean bare(char c) {
            return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-';
        }

        private void expect(String s) throws Unreadable {
            if (!text.startsWith(s, pos)) {
                throw new Unreadable();
            }
            pos += s.length();
        }

        private void skipSpaces() {
            while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
                pos++;
            }
        }

        /** Spaces and a comment; with {@code lines}, newlines and further comment lines too. */
        private void skipBlank(boolean lines) {
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == ' ' || c == '\t' || lines && (c == '\n' || c == '\r')) {
                    pos++;
                } else if (c == '#') {
                    int nl = text.indexOf('\n', pos);
                    pos = nl < 0 ? text.length() : nl;
                } else {
                    return;
                }
            }
        }

        private void endOfLine() throws Unreadable {
            skipBlank(false);
            if (pos < text.length() && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
                throw new Unreadable();
            }
        }
    }
}
