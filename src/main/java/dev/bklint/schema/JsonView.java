package dev.bklint.schema;

import dev.bklint.yaml.YEntry;
import dev.bklint.yaml.YMap;
import dev.bklint.yaml.YNode;
import dev.bklint.yaml.YScalar;
import dev.bklint.yaml.YSeq;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
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
        try {
            BigInteger v = new BigInteger(t, radix);
            return negative ? v.negate() : v;
        } catch (NumberFormatException e) {
            return BigInteger.ZERO;
        }
    }

    private static Object decimal(String text) {
        String t = text.toLowerCase();
        if (t.endsWith(".inf") || t.endsWith(".nan")) {
            return NOT_AN_INTEGER; // JSON has no infinities; only the type matters here
        }
        try {
            BigDecimal v = new BigDecimal(t.startsWith("+") ? t.substring(1) : t);
            if (v.signum() == 0 || v.stripTrailingZeros().scale() <= 0) {
                return v.toBigInteger();
            }
            return v;
        } catch (NumberFormatException e) {
            return NOT_AN_INTEGER;
        }
    }

    /** JSON Pointer escaping, as everit writes its pointers. */
    static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
