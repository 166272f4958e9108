package dev.bklint.pipeline;

import dev.bklint.yaml.YEntry;
import dev.bklint.yaml.YMap;
import dev.bklint.yaml.YNode;
import dev.bklint.yaml.YScalar;
import dev.bklint.yaml.YSeq;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An ordered set of environment variables, read from a Buildkite env block or a Kubernetes env list. */
public final class Env {
    public static final Env EMPTY = new Env(Map.of());
    private final Map<String, EnvVar> vars;

    private Env(Map<String, EnvVar> vars) {
        this.vars = vars;
    }

    /** A Buildkite {@code env:} mapping ({@code NAME: value}); also accepts the list form {@code - NAME=value}. */
    public static Env fromBuildkite(YNode node, String origin) {
        Map<String, EnvVar> vars = new LinkedHashMap<>();
        if (node instanceof YMap map) {
            for (YEntry e : map.entries()) {
                if (e.keyText() != null && e.value() instanceof YScalar v) {
                    vars.put(e.keyText(), new EnvVar(e.keyText(), v.isNull() ? "" : v.value(), e.key(), v, origin));
                }
            }
        } else if (node instanceof YSeq seq) {
            for (YNode item : seq.items()) {
                if (item instanceof YScalar s && s.value().contains("=")) {
                    String name = s.value().substring(0, s.value().indexOf('='));
                    vars.put(name, new EnvVar(name, s.value().substring(name.length() + 1), s, s, origin));
                }
            }
        }
        return new Env(Collections.unmodifiableMap(vars));
    }

    /** A Kubernetes container {@code env:} list ({@code - name: X, value: Y}); valueFrom entries have a null value. */
    public static Env fromKubernetes(YNode node, String origin) {
        Map<String, EnvVar> vars = new LinkedHashMap<>();
        if (node instanceof YSeq seq) {
            for (YNode item : seq.items()) {
                if (item instanceof YMap m && m.getScalar("name") != null) {
                    YScalar value = m.getScalar("value");
                    String text = value == null || value.isNull() ? (m.has("valueFrom") ? null : "") : value.value();
                    vars.put(m.string("name"), new EnvVar(m.string("name"), text, m.getScalar("name"),
                            value != null ? value : m, origin));
                }
            }
        }
        return new Env(Collections.unmodifiableMap(vars));
    }

    /** Variables of {@code this} override those of {@code lower}. */
    public Env over(Env lower) {
        Map<String, EnvVar> merged = new LinkedHashMap<>(lower.vars);
        merged.putAll(vars);
        return new Env(Collections.unmodifiableMap(merged));
    }

    public EnvVar get(String name) {
        return vars.get(name);
    }

    public List<EnvVar> all() {
        return new ArrayList<>(vars.values());
    }
}
