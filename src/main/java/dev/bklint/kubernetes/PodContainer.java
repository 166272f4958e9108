package dev.bklint.kubernetes;

import dev.bklint.pipeline.CommandText;
import dev.bklint.pipeline.Env;
import dev.bklint.yaml.YEntry;
import dev.bklint.yaml.YMap;
import dev.bklint.yaml.YNode;
import dev.bklint.yaml.YScalar;
import java.util.List;
import java.util.Set;

/** One container of the effective pod, as the controller would run it. */
public final class PodContainer {
    /** Fields a container inherits from the pod-level securityContext when it does not set them. */
    private static final Set<String> INHERITED = Set.of(
            "runAsUser", "runAsGroup", "runAsNonRoot", "seccompProfile", "appArmorProfile", "seLinuxOptions",
            "windowsOptions");

    public enum Kind { COMMAND, SIDECAR, UNMANAGED }

    private final EffectivePod pod;
    private final String name;
    private final Kind kind;
    private final YMap node;
    private final YMap written;
    private final YScalar image;
    private final ImageSource imageSource;
    private final YScalar replacedImage;
    private final CommandText script;
    private final boolean ownCommand;
    private final Env env;
    private final List<Mount> mounts;
    /** The image reference, parsed when first asked for (rules ask for it again and again). */
    private ImageRef imageRef;

    PodContainer(EffectivePod pod, String name, Kind kind, YMap node, YMap written, YScalar image,
                 ImageSource imageSource, YScalar replacedImage, CommandText script, boolean ownCommand, Env env,
                 List<Mount> mounts) {
        this.pod = pod;
        this.name = name;
        this.kind = kind;
        this.node = node;
        this.written = written;
        this.image = image;
        this.imageSource = imageSource;
        this.replacedImage = replacedImage;
        this.script = script;
        this.ownCommand = ownCommand;
        this.env = env;
        this.mounts = mounts;
    }

    public EffectivePod pod() {
        return pod;
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    /** The merged container mapping; null for the controller's default {@code container-0}. */
    public YMap node() {
        return node;
    }

    /** The container mapping as written in podSpec (or the patch/sidecars when only there); null when synthetic. */
    public YMap written() {
        return written;
    }

    public boolean isSynthetic() {
        return node == null;
    }

    /** The effective image node; null when the image is the controller's default, which the pipeline does not show. */
    public YScalar image() {
        return image;
    }

    public ImageRef imageRef() {
        ImageRef ref = imageRef;
        if (ref == null && image != null) {
            ref = ImageRef.parse(image.value()); // a record: a race only parses twice
            imageRef = ref;
        }
        return ref;
    }

    public ImageSource imageSource() {
        return imageSource;
    }

    /**
     * Where to point a finding about the container as a whole: its image, else its mapping, else (the controller's
     * default container) the step's command, else the step.
     */
    public YNode anchor() {
        if (image != null) {
            return image;
        }
        if (node != null) {
            return node;
        }
        if (script != null) {
            return script.node();
        }
        return pod.step() != null ? pod.step().node() : pod.spec();
    }

    /** The podSpec image that a step or pipeline {@code image:} replaced, or null. */
    public YScalar replacedImage() {
        return replacedImage;
    }

    /** The shell script this container runs, or null. */
    public CommandText script() {
        return script;
    }

    /** True when the container's own {@code command} is run, false when it runs the step's command. */
    public boolean ownCommand() {
        return ownCommand;
    }

    /** Container env over step env over pipeline env (sidecars: only their own). */
    public Env env() {
        return env;
    }

    public List<Mount> mounts() {
        return mounts;
    }

    public Mount mountAt(String path) {
        for (Mount m : mounts) {
            if (m.isAt(path)) {
                return m;
            }
        }
        return null;
    }

    private static final Set<String> READ_ONLY_VOLUMES = Set.of("configMap", "secret", "downwardAPI", "projected");

    /** A writable mount of the container at {@code path} or at a directory above it (the deepest), or null. */
    public Mount writableMountCovering(String path) {
        return writableMount(path, false);
    }

    /** A writable mount exactly at the path (not above it), or null. */
    public Mount writableMountAt(String path) {
        return writableMount(path, true);
    }

    /** Read-only mounts and the volume kinds Kubernetes always mounts read-only do not count. */
    private Mount writableMount(String path, boolean exact) {
        String wanted = Mount.normalise(path);
        Mount best = null;
        for (Mount m : mounts) {
            String at = Mount.normalise(m.mountPath());
            boolean covers = at.equals(wanted) || !exact && (at.equals("/") || wanted.startsWith(at + "/"));
            if (!covers || m.node() == null) {
                continue;
            }
            YScalar ro = m.node().getScalar("readOnly");
            if (ro != null && ro.isTrue()) {
                continue;
            }
            String kind = m.volumeKind();
            if (kind != null && READ_ONLY_VOLUMES.contains(kind)) {
                continue;
            }
            if (best == null || at.length() > Mount.normalise(best.mountPath()).length()) {
                best = m;
            }
        }
        return best;
    }

    /** The container's securityContext mapping (merged), or null. */
    public YMap securityContext() {
        return node == null ? null : node.getMap("securityContext");
    }

    /** A securityContext field: the container's own, else the pod's for fields that are inherited. */
    public Setting security(String field) {
        YMap own = securityContext();
        YEntry e = own == null ? null : own.entry(field);
        if (e != null && !(e.value() instanceof YScalar s && s.isNull())) {
            return new Setting(e, false);
        }
        if (INHERITED.contains(field)) {
            return pod.podSetting(field);
        }
        return null;
    }
}
