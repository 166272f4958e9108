package dev.bklint.rules.image;

import dev.bklint.buildkit.BuildkitContainer;
import dev.bklint.buildkit.ImageFlavor;
import dev.bklint.kubernetes.PodContainer;
import dev.bklint.rules.Fixes;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;
import dev.bklint.yaml.YEntry;
import dev.bklint.yaml.YNode;
import java.util.ArrayList;
import java.util.List;

/** BK106: the rootless image should state its user explicitly (uid/gid 1000, non-root). */
public final class RootlessUidGidImplicit implements Rule {
    @Override
    public void visitDaemon(BuildkitContainer daemon, Reporter reporter) {
        PodContainer c = daemon.container();
        if (c == null || daemon.flavor() != ImageFlavor.ROOTLESS) {
            return;
        }
        List<String> missing = new ArrayList<>();
        for (String field : List.of("runAsNonRoot", "runAsUser", "runAsGroup")) {
            if (c.security(field) == null) {
                missing.add(field);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        StringBuilder lines = new StringBuilder();
        for (String field : missing) {
            lines.append(lines.length() == 0 ? "" : "\n").append(field).append(": ")
                    .append(field.equals("runAsNonRoot") ? "true" : "1000");
        }
        YEntry sc = c.node() == null ? null : c.node().entry("securityContext");
        YNode at = sc != null ? sc.key() : c.image();
        var edits = c.written() == null ? List.<dev.bklint.report.Edit>of()
                : c.written().getMap("securityContext") != null
                ? dev.bklint.yaml.YamlEdits.insertBlock(c.written().getMap("securityContext"), lines.toString())
                : dev.bklint.yaml.YamlEdits.insertBlock(c.written(), "securityContext:\n" + Fixes.indent(lines.toString()));
        reporter.report(at, "Container `" + c.name() + "` runs the rootless image without an explicit "
                + String.join(", ", missing) + ". The image's `USER 1000:1000` applies today, but a pod-level user "
                + "from a pod template or the controller's patch would silently override it and break rootlesskit; "
                + "stating `runAsNonRoot: true`, `runAsUser: 1000` and `runAsGroup: 1000` also lets Kubernetes check "
                + "it.", new dev.bklint.report.Fix("Add " + String.join(", ", missing)
                + " to the container's securityContext.", lines.toString(), edits));
    }
}
