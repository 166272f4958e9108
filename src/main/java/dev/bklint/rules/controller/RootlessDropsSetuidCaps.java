package dev.bklint.rules.controller;

import dev.bklint.buildkit.BuildkitContainer;
import dev.bklint.kubernetes.PodContainer;
import dev.bklint.finding.Edit;
import dev.bklint.finding.Fix;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;
import dev.bklint.yaml.YEntry;
import dev.bklint.yaml.YMap;
import dev.bklint.yaml.YNode;
import dev.bklint.yaml.YScalar;
import dev.bklint.yaml.YSeq;
import dev.bklint.yaml.YamlEdits;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * BK610: rootlesskit maps the user namespace with the setuid helpers {@code newuidmap}/{@code newgidmap}, which
 * need CAP_SETUID and CAP_SETGID in the container's bounding set. {@code capabilities.drop: [ALL]} (or dropping
 * those two) without adding them back leaves the daemon unable to start.
 */
public final class RootlessDropsSetuidCaps implements Rule {
    private static final List<String> NEEDED = List.of("SETUID", "SETGID");

    @Override
    public void visitDaemon(BuildkitContainer daemon, Reporter reporter) {
        PodContainer c = daemon.container();
        if (c == null || !daemon.mode().isRootless() || c.securityContext() == null) {
            return;
        }
        YMap caps = c.securityContext().getMap("capabilities");
        YSeq drop = caps == null ? null : caps.getSeq("drop");
        if (drop == null) {
            return;
        }
        Set<String> dropped = names(drop);
        Set<String> added = names(caps.getSeq("add"));
        boolean all = dropped.contains("ALL");
        List<String> missing = new ArrayList<>();
        for (String cap : NEEDED) {
            if ((all || dropped.contains(cap)) && !added.contains(cap)) {
                missing.add(cap);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        YNode at = item(drop, all ? "ALL" : missing.get(0));
        String list = String.join(" and ", missing);
        String what = all ? "drops `ALL` capabilities without adding " + list + " back"
                : "drops " + list + " without adding " + (missing.size() == 1 ? "it" : "them") + " back";
        reporter.report(at, "Rootless BuildKit in container `" + c.name() + "` " + what + ".", "rootlesskit sets up "
                + "the user namespace with the setuid helpers `newuidmap`/`newgidmap`, which need CAP_SETUID and "
                + "CAP_SETGID in the container's bounding set; without them the daemon cannot start (`newuidmap: "
                + "write to uid_map failed: Operation not permitted` or `newuidmap: Could not set caps`).",
                fix(caps, missing));
    }

    private static Fix fix(YMap caps, List<String> missing) {
        StringBuilder items = new StringBuilder();
        for (String cap : missing) {
            items.append(items.length() > 0 ? "\n" : "").append("- ").append(cap);
        }
        String snippet = "capabilities:\n  add:\n" + indent(indent(items.toString()));
        List<Edit> edits = List.of();
        YEntry add = caps.entry("add");
        if (add == null) {
            edits = YamlEdits.insertBlock(caps, "add:\n" + indent(items.toString()));
        } else if (add.value() instanceof YSeq seq && !add.merged()) {
            List<Edit> appended = new ArrayList<>();
            for (String cap : missing) {
                List<Edit> e = YamlEdits.append(seq, "- " + cap);
                if (e.isEmpty()) {
                    appended.clear();
                    break;
                }
                appended.addAll(e);
            }
            // Two appends at one point would overlap: append them as one item block instead.
            if (appended.size() > 1) {
                appended = YamlEdits.append(seq, items.toString());
            }
            edits = appended;
        }
        return new Fix("Add " + String.join(" and ", missing) + " back to the container's capabilities.", snippet,
                edits);
    }

    private static String indent(String block) {
        StringBuilder b = new StringBuilder();
        for (String line : block.split("\n")) {
            b.append(b.length() > 0 ? "\n" : "").append("  ").append(line);
        }
        return b.toString();
    }

    private static Set<String> names(YSeq seq) {
        Set<String> names = new LinkedHashSet<>();
        if (seq != null) {
            for (YNode n : seq.items()) {
                if (n instanceof YScalar s && !s.isNull()) {
                    names.add(ControllerFacts.capability(s.value()));
                }
            }
        }
        return names;
    }

    private static YNode item(YSeq seq, String cap) {
        for (YNode n : seq.items()) {
            if (n instanceof YScalar s && ControllerFacts.capability(s.value()).equals(cap)) {
                return s;
            }
        }
        return seq;
    }
}
