package dev.bklint.buildkit;

import dev.bklint.kubernetes.ImageRef;
import dev.bklint.kubernetes.Mount;
import dev.bklint.kubernetes.PodContainer;
import dev.bklint.kubernetes.Setting;
import dev.bklint.yaml.YEntry;

/**
 * Infers which BuildKit mode a daemon container's author meant. The image tag decides rootful against
 * rootless when it can (upstream marks the rootless variant only by the {@code rootless} token); otherwise the
 * security context, the sandbox flag and the cache mount vote. Every signal seen is kept as evidence.
 */
final class ModeInference {
    private ModeInference() {
    }

    static void infer(BuildkitContainer bc) {
        PodContainer c = bc.container();
        ImageRef image = bc.image();
        bc.flavor = ImageFlavor.of(image);
        if (image != null) {
            bc.evidence.add(new Evidence("image", image.text() + " (" + describe(bc.flavor, image) + ", from "
                    + c.imageSource().description() + ")", c.image().span()));
        }
        Setting privileged = c == null ? null : c.security("privileged");
        Setting runAsUser = c == null ? null : c.security("runAsUser");
        Setting runAsNonRoot = c == null ? null : c.security("runAsNonRoot");
        YEntry hostUsers = c == null ? null : c.pod().hostUsers();
        boolean userns = c != null && c.pod().inUserNamespace();
        boolean sandboxOff = bc.sandboxDisabled();
        addSetting(bc, "privileged", privileged);
        addSetting(bc, "runAsUser", runAsUser);
        addSetting(bc, "runAsNonRoot", runAsNonRoot);
        if (hostUsers != null) {
            bc.evidence.add(new Evidence("hostUsers", "hostUsers: " + hostUsers.value() + " (pod)",
                    hostUsers.value().span()));
        }
        if (sandboxOff) {
            bc.evidence.add(new Evidence("sandbox", DaemonFlags.NO_PROCESS_SANDBOX + " (" + bc.flags.origin() + ")",
                    bc.flags.span()));
        }
        Mount rootfulCache = c == null ? null : c.mountAt(StateDir.ROOTFUL);
        Mount rootlessCache = c == null ? null : c.mountAt(StateDir.ROOTLESS_DEFAULT);
        for (Mount m : new Mount[] {rootfulCache, rootlessCache}) {
            if (m != null) {
                bc.evidence.add(new Evidence("cache", "volume mounted at " + m.mountPath(), m.node().span()));
            }
        }

        switch (bc.flavor) {
            case ROOTLESS:
                bc.mode = sandboxOff ? Mode.ROOTLESS_STRICT : Mode.ROOTLESS;
                return;
            case ROOTFUL:
                bc.mode = userns ? Mode.USERNS : Mode.PRIVILEGED;
                return;
            default:
                break;
        }
        Long uid = runAsUser == null ? null : runAsUser.integer();
        if (privileged != null && privileged.isTrue()) {
            bc.mode = userns ? Mode.USERNS : Mode.PRIVILEGED;
        } else if (uid != null && uid != 0 || runAsNonRoot != null && runAsNonRoot.isTrue() || sandboxOff
                || rootlessCache != null) {
            bc.mode = sandboxOff ? Mode.ROOTLESS_STRICT : Mode.ROOTLESS;
        } else if (rootfulCache != null || uid != null && uid == 0) {
            bc.mode = userns ? Mode.USERNS : Mode.PRIVILEGED;
        } else {
            bc.mode = Mode.UNKNOWN;
            bc.missing.add(image == null ? "no image is visible" : "the image tag does not tell rootful from rootless");
            bc.missing.add("no `privileged: true`");
            bc.missing.add("no non-root `runAsUser` or `runAsNonRoot: true`");
            bc.missing.add("no " + DaemonFlags.NO_PROCESS_SANDBOX);
            bc.missing.add("no volume at " + StateDir.ROOTFUL + " or " + StateDir.ROOTLESS_DEFAULT);
        }
    }

    private static String describe(ImageFlavor flavor, ImageRef image) {
        switch (flavor) {
            case ROOTLESS: return "rootless variant";
            case ROOTFUL: return "rootful variant";
            default: return image.hasDigest() && image.tag() == null ? "a digest does not tell the variant"
                    : "not an image whose tag tells the variant";
        }
    }

    private static void addSetting(BuildkitContainer bc, String field, Setting s) {
        if (s != null) {
            bc.evidence.add(new Evidence(field, field + ": " + s.value() + " (" + s.where() + ")", s.value().span()));
        }
    }
}
