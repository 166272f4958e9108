package dev.bklint.yaml;

import dev.bklint.source.SourceFile;
import dev.bklint.source.Span;
import java.util.Locale;
import java.util.regex.Pattern;

/** A scalar with its text, how it was written, and its YAML 1.2 core-schema type. */
public final class YScalar extends YNode {
    public enum Style { PLAIN, SINGLE_QUOTED, DOUBLE_QUOTED, LITERAL, FOLDED }

    public enum Type { NULL, BOOL, INT, FLOAT, STRING }

    private static final Pattern INT = Pattern.compile("[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+");
    private static final Pattern FLOAT = Pattern.compile(
            "[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");
    private static final Pattern YAML11_BOOL = Pattern.compile(
            "y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF");

    private final String value;
    private final Style style;
    private final String tag;
    private final Type type;

    public YScalar(String value, Style style, String tag, SourceFile source, Span span, Span via) {
        super(source, span, via);
        this.value = value;
        this.style = style;
        this.tag = tag;
        this.type = resolve(value, style, tag);
    }

    private static Type resolve(String value, Style style, String tag) {
        if (tag != null && tag.startsWith("tag:yaml.org,2002:")) {
            switch (tag.substring("tag:yaml.org,2002:".length())) {
                case "null": return Type.NULL;
                case "bool": return Type.BOOL;
                case "int": return Type.INT;
                case "float": return Type.FLOAT;
                default: return Type.STRING;
            }
        }
        if (style != Style.PLAIN || tag != null) {
            return Type.STRING;
        }
        switch (value) {
            case "": case "~": case "null": case "Null": case "NULL":
                return Type.NULL;
            case "true": case "True": case "TRUE": case "false": case "False": case "FALSE":
                return Type.BOOL;
            default:
                break;
        }
        char first = value.charAt(0);
        if (first != '-' && first != '+' && first != '.' && (first < '0' || first > '9')) {
            return Type.STRING; // every int and float starts with a sign, a digit or a dot
        }
        if (INT.matcher(value).matches()) {
            return Type.INT;
        }
        if (FLOAT.matcher(value).matches()) {
            return Type.FLOAT;
        }
        return Type.STRING;
    }

    public String value() {
        return value;
    }

    public Style style() {
        return style;
    }

    /** The explicit tag, or null. */
    String tag() {
        return tag;
    }

    public Type type() {
        return type;
    }

    public boolean isNull() {
        return type == Type.NULL;
    }

    public boolean isTrue() {
        return type == Type.BOOL && value.equalsIgnoreCase("true");
    }

    public boolean isFalse() {
        return type == Type.BOOL && value.equalsIgnoreCase("false");
    }

    /** A plain yes/no/on/off that YAML 1.1 read as a boolean but YAML 1.2 reads as a string. */
    public boolean isYaml11Boolean() {
        return style == Style.PLAIN && tag == null && value.length() <= 3 && YAML11_BOOL.matcher(value).matches();
    }

    /** What YAML 1.1 would have meant by {@link #isYaml11Boolean()} text. */
    public boolean yaml11Meaning() {
        return value.toLowerCase(Locale.ROOT).startsWith("y") || value.equalsIgnoreCase("on");
    }

    /** A quoted "true"/"false": a string, not a boolean. */
    public boolean isQuotedBoolean() {
        return type == Type.STRING && style != Style.PLAIN && (value.equals("true") || value.equals("false"));
    }

    public boolean isBlock() {
        return style == Style.LITERAL || style == Style.FOLDED;
    }

    @Override
    YNode copyVia(Span usedAt, NodeBudget budget) {
        budget.copied(value.length());
        return new YScalar(value, style, tag, source(), span(), usedAt);
    }

    @Override
    public String kindName() {
        switch (type) {
            case NULL: return "null";
            case BOOL: return "a boolean";
            case INT: return "a number";
            case FLOAT: return "a number";
            default: return "a string";
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
