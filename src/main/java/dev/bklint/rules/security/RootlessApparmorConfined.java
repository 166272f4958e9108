package dev.bklint.rules.security;

import dev.bklint.buildkit.BuildkitContainer;
import dev.bklint.finding.Fix;
import dev.bklint.kubernetes.PodContainer;
import dev.bklint.kubernetes.Setting;
import dev.bklint.rules.Fixes;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;
import dev.bklint.yaml.YEntry;
import dev.bklint.yaml.YMap;
import dev.bklint.yaml.YScalar;
import java.util.List;

/** BK203: rootless BuildKit needs AppArmor Unconfined to mount filesystems on AppArmor hosts. */
public final class RootlessApparmorConfined implements Rule {
    static final String ANNOTATION = "container.apparmor.security.beta.kubernetes.io/";

    @Override
    public void visitDaemon(BuildkitContainer daemon, Reporter reporter) {
        if (!UnconfinedProfiles.applies(daemon)) {
            return;
        }
        PodContainer c = daemon.container();
        if (UnconfinedProfiles.fieldUnconfined(c, "appArmorProfile")
                || UnconfinedProfiles.annotationUnconfined(c, ANNOTATION + c.name())) {
            return;
        }
        if (UnconfinedProfiles.privileged(c) && !localhostProfile(c)) {
            return; // the runtime default profile is not applied to a privileged container; a Localhost one is
        }
        String misnamed = misnamedAnnotation(c);
        boolean old = reporter.options().kubernetesVersion().below(1, 30);
        Fix fix = old
                ? Fix.describe("Add the annotation `" + ANNOTATION + c.name() + ": unconfined` under the plugin's "
                        + "`metadata.annotations` (the `appArmorProfile` field needs Kubernetes 1.30).",
                        "metadata:\n  annotations:\n    " + ANNOTATION + c.name() + ": unconfined")
                : Fixes.setInContainer(c, "Set `securityContext.appArmorProfile.type: Unconfined` in container `"
                        + c.name() + "`.", List.of("securityContext", "appArmorProfile", "type"), "Unconfined");
        String extra = misnamed == null ? "" : " The annotation `" + misnamed + "` does not count: its key must "
                + "end with the container's exact name, `" + c.name() + "`.";
        // The fix names one of the two ways; the why names the other (the field needs 1.30+, older clusters the
        // annotation).
        String other = old ? "" : " On clusters older than 1.30, which lack the `appArmorProfile` field, the "
                + "annotation `" + ANNOTATION + c.name() + ": unconfined` does the same.";
        reporter.report(UnconfinedProfiles.anchor(c, "appArmorProfile"),
                "Rootless BuildKit in container `" + c.name() + "` runs under the default AppArmor profile.",
                "On AppArmor hosts (Ubuntu, COS) that profile blocks the mounts it needs, so rootlesskit fails there."
                + extra + other, fix);
    }

    private static boolean namesAContainer(PodContainer c, String name) {
        for (PodContainer other : c.pod().allContainers()) {
            if (other.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static String misnamedAnnotation(PodContainer c) {
        YMap annotations = c.pod().annotations();
        if (annotations == null) {
            return null;
        }
        for (YEntry e : annotations.entries()) {
            String key = e.keyText();
            if (key != null && key.startsWith(ANNOTATION) && !namesAContainer(c, key.substring(ANNOTATION.length()))) {
                return key;
            }
        }
        return null;
    }

    /** True when the container asks for a {@code Localhost} AppArmor profile (field or annotation). */
    private static boolean localhostProfile(PodContainer c) {
        Setting s = c.security("appArmorProfile");
        if (s != null && s.value() instanceof YMap m && "Localhost".equals(m.string("type"))) {
            return true;
        }
        YScalar a = c.pod().annotation(ANNOTATION + c.name());
        return a != null && a.value() != null && a.value().startsWith("localhost/");
    }
}
