package dev.bklint.schema;

import dev.bklint.yaml.YEntry;
import dev.bklint.yaml.YMap;
import dev.bklint.yaml.YNode;
import dev.bklint.yaml.YScalar;
import dev.bklint.yaml.YSeq;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * The plugin configuration as the controller receives it (JSON, after Buildkite's YAML 1.2 reading), with a map
 * from each JSON pointer back to the node it came from. Keys may be renamed (a key written in another letter case
 * is decoded into the field of that name by Go, so it is validated under the field's own name).
 */
public final class JsonView {
    /**
     * Where a JSON value came from: its node, the map entry holding it and that map (null for list items), and its
     * path as written.
     */
    public record Origin(YNode node, YEntry entry, YMap parent, String path) {
    }

    /**
     * A number that is not an integer, standing for floats that JSON cannot carry (.inf, .nan). A Double, because
     * initialising BigDecimal costs milliseconds on a cold start.
     */
    private static final Double NOT_AN_INTEGER = 0.5;

    private final Map<String, Origin> origins = new HashMap<>();
    private final Map<YEntry, String> renames;
    private final Object json;

    private JsonView(YNode root, Map<YEntry, String> renames) {
        this.renames = renames;
        this.json = convert(root, null, null, "#", "");
    }

    public static JsonView of(YNode root, Map<YEntry, String> renames) {
        return new JsonView(root, renames);
    }

    public Object json() {
        return json;
    }

    public Origin at(String pointer) {
        return origins.get(pointer);
    }

    /** The name a key is validated under: its rename when it has one, else its text. */
    String nameOf(YEntry entry) {
        String renamed = renames.get(entry);
        return renamed != null ? renamed : entry.keyText();
    }

    private Object convert(YNode node, YEntry entry, YMap parent, String pointer, String path) {
        origins.put(pointer, new Origin(node, entry, parent, path));
        if (node instanceof YMap map) {
            JSONObject object = new JSONObject();
            for (YEntry e : map.entries()) {
                String name = nameOf(e);
                if (name == null || object.has(name)) {
                    // A non-scalar key, or a second key that Go decodes into the same field: not validated.
                    continue;
                }
                String written = e.keyText();
                object.put(name, convert(e.value(), e, map, pointer + "/" + escape(name),
                        path.isEmpty() ? written : path + "." + written));
            }
            return object;
        }
        if (node instanceof YSeq seq) {
            JSONArray array = new JSONArray();
            for (int i = 0; i < seq.size(); i++) {
                array.put(convert(seq.items().get(i), null, null, pointer + "/" + i, path + "[" + i + "]"));
            }
            return array;
        }
        return scalar((YScalar) node);
    }

    /**
     * A scalar as Buildkite passes it on: YAML 1.2 core types, numbers as Go's {@code json.Marshal} writes them (a
     * float with no fraction, such as {@code 1000.0}, reaches the controller as {@code 1000}).
     */
    static Object scalar(YScalar s) {
        switch (s.type()) {
            case NULL:
                return JSONObject.NULL;
            case BOOL:
                return s.isTrue();
            case INT:
                return integer(s.value());
            case FLOAT:
                return decimal(s.value());
            default:
                return s.value();
        }
    }

    /**
     * Digits beyond which an integer is not read exactly: Go reads it as a float64 and writes it back with an
     * exponent (it is at least 1e21), which no integer field accepts. Bounding it keeps parsing linear.
     */
    private static final int MAX_EXACT_DIGITS = 40;
    /** From this magnitude Go's json.Marshal writes a float64 with an exponent, which Go's integer decoding refuses. */
    private static final double EXPONENT_FORM = 1e21;

    private static Object integer(String text) {
        String t = text.replace("_", "");
        boolean negative = t.startsWith("-");
        if (t.startsWith("-") || t.startsWith("+")) {
            t = t.substring(1);
        }
        int radix = 10;
        if (t.startsWith("0x")) {
            radix = 16;
            t = t.substring(2);
        } else if (t.startsWith("0o")) {
            radix = 8;
            t = t.substring(2);
        }
        if (t.length() > MAX_EXACT_DIGITS) {
            return NOT_AN_INTEGER;
        }
        try {
            BigInteger v = new BigInteger(t, radix);
            return negative ? v.negate() : v;
        } catch (NumberFormatException e) {
            return BigInteger.ZERO;
        }
    }

    /**
     * A float as Buildkite passes it on: Go reads it as a float64, so it is parsed as a double (bounded work
     * whatever the exponent, unlike BigDecimal, which would expand {@code 1e99999999} digit by digit).
     */
    private static Object decimal(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.endsWith(".inf") || t.endsWith(".nan")) {
            return NOT_AN_INTEGER; // JSON has no infinities; only the type matters here
        }
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return NOT_AN_INTEGER;
        }
        if (Double.isInfinite(v) || Double.isNaN(v)) {
            return NOT_AN_INTEGER;
        }
        if (v == Math.rint(v) && Math.abs(v) < EXPONENT_FORM) {
            // Written without a fraction or an exponent (1000.0 reaches the controller as 1000): an integer.
            return Math.abs(v) < Long.MAX_VALUE ? BigInteger.valueOf((long) v)
                    : new BigDecimal(v).toBigInteger();
        }
        return v;
    }

    /** JSON Pointer escaping, as everit writes its pointers. */
    static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
