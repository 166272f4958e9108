package dev.bklint.rules;

import dev.bklint.kubernetes.PodContainer;
import dev.bklint.finding.Edit;
import dev.bklint.finding.Fix;
import dev.bklint.yaml.YEntry;
import dev.bklint.yaml.YMap;
import dev.bklint.yaml.YSeq;
import dev.bklint.yaml.YamlEdits;
import java.util.ArrayList;
import java.util.List;

/** Fixes that several rules share: setting container fields, env variables, and removing entries. */
public final class Fixes {
    private Fixes() {
    }

    /** Sets a field under the container as written, e.g. {@code securityContext.privileged: true}. */
    public static Fix setInContainer(PodContainer c, String description, List<String> path, String value) {
        String snippet = YamlEdits.snippet(path, value);
        List<Edit> edits = c.written() == null ? List.of() : YamlEdits.set(c.written(), path, value);
        return new Fix(description, snippet, edits);
    }

    /** Sets an env variable of a container: replaces its value, appends to its env list, or adds the list. */
    public static Fix setEnv(PodContainer c, String description, String name, String value) {
        String item = "- name: " + name + "\n  value: " + value;
        YMap written = c.written();
        List<Edit> edits = new ArrayList<>();
        if (written != null) {
            YSeq env = written.getSeq("env");
            YMap existing = null;
            if (env != null) {
                for (var n : env.items()) {
                    if (n instanceof YMap m && name.equals(m.string("name"))) {
                        existing = m;
                    }
                }
            }
            if (existing != null) {
                YEntry v = existing.entry("value");
                edits.addAll(v != null ? List.of(YamlEdits.replace(v.value(), value))
                        : YamlEdits.insertBlock(existing, "value: " + value));
            } else if (env != null) {
                edits.addAll(YamlEdits.append(env, item));
            } else if (!written.has("env")) {
                edits.addAll(YamlEdits.insertBlock(written, "env:\n" + indent(item)));
            }
        }
        return new Fix(description, "env:\n" + indent(item), edits);
    }

    /** Removes an entry (key and value) from the file. */
    public static Fix remove(YEntry entry, String description) {
        Edit edit = YamlEdits.deleteEntry(entry);
        return new Fix(description, null, edit == null ? List.of() : List.of(edit));
    }

    public static String indent(String block) {
        StringBuilder b = new StringBuilder();
        for (String line : block.split("\n")) {
            if (b.length() > 0) {
                b.append('\n');
            }
            b.append("  ").append(line);
        }
        return b.toString();
    }
}
