package dev.bklint.kubernetes;

import dev.bklint.pipeline.CommandStep;
import dev.bklint.pipeline.CommandText;
import dev.bklint.pipeline.Env;
import dev.bklint.pipeline.Interposer;
import dev.bklint.yaml.YMap;
import dev.bklint.yaml.YNode;
import dev.bklint.yaml.YScalar;
import dev.bklint.yaml.YSeq;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the pod the Agent Stack for Kubernetes controller would run for a step, in its order: the plugin's
 * podSpec (or the default {@code container-0}), the step's or pipeline's {@code image:} on every command
 * container, then the plugin's podSpecPatch as a strategic merge. The controller's own {@code pod-spec-patch}
 * lives in its configuration; it is applied (before the step's image) when bklint is given that configuration.
 */
public final class PodBuilder {
    private final CommandStep step;
    private final KubernetesPlugin plugin;
    private final EffectivePod pod;
    private final YMap controllerPatch;
    private final YMap patch;
    private final EffectiveInterposer interposer;

    private PodBuilder(CommandStep step, KubernetesPlugin plugin, YMap controllerPatch,
                       EffectiveInterposer controllerInterposer) {
        this.step = step;
        this.plugin = plugin;
        this.controllerPatch = controllerPatch;
        this.patch = plugin == null ? null : plugin.podSpecPatch();
        YMap spec = plugin == null ? null : plugin.podSpec();
        for (YMap p : new YMap[] {controllerPatch, patch}) {
            if (p != null) {
                spec = spec == null ? p : (YMap) StrategicMerge.merge(spec, p);
            }
        }
        YMap metadata = plugin == null ? null : plugin.metadata();
        this.pod = new EffectivePod(step, plugin, spec, metadata == null ? null : metadata.getMap("annotations"));
        this.interposer = EffectiveInterposer.of(plugin, controllerInterposer);
        pod.interposer = interposer;
    }

    public static EffectivePod build(CommandStep step, KubernetesPlugin plugin) {
        return build(step, plugin, null, null);
    }

    /** With the controller's {@code pod-spec-patch} and its {@code default-command-params} interposer (null when unknown). */
    public static EffectivePod build(CommandStep step, KubernetesPlugin plugin, YMap controllerPatch,
                                     EffectiveInterposer controllerInterposer) {
        return new PodBuilder(step, plugin, controllerPatch, controllerInterposer).build();
    }

    /** Build the pod of {@code step} as the controller {@code controller} (null when not given) would. */
    public static EffectivePod build(CommandStep step, KubernetesPlugin plugin, ControllerConfig controller) {
        return controller == null ? build(step, plugin, null, null)
                : build(step, plugin, controller.podSpecPatch(), controller.defaultInterposer());
    }

    /**
     * The pod of a plain Kubernetes manifest: its containers run their own command (or the image's entrypoint)
     * as written, and restartable init containers are sidecars.
     */
    public static EffectivePod fromManifest(YMap podSpec, YMap podMetadata) {
        return fromManifest(podSpec, podMetadata, false);
    }

    /** The same, for a pod whose controller adds registry credentials the file cannot show. */
    public static EffectivePod fromManifest(YMap podSpec, YMap podMetadata, boolean controllerCredentials) {
        return fromManifest(podSpec, podMetadata, controllerCredentials, List.of());
    }

    /** The same, with the Kubernetes objects of the whole file, where a Service or ConfigMap for the pod may be. */
    public static EffectivePod fromManifest(YMap podSpec, YMap podMetadata, boolean controllerCredentials,
                                            List<YMap> fileObjects) {
        EffectivePod pod = new EffectivePod(null, null, podSpec,
                podMetadata == null ? null : podMetadata.getMap("annotations"));
        PodBuilder builder = new PodBuilder(pod);
        builder.addPlain(podSpec.getSeq("containers"), pod.containers, "container-");
        builder.addPlain(podSpec.getSeq("initContainers"), pod.sidecars, "init-");
        pod.controllerCredentials = controllerCredentials;
        pod.labels = podMetadata == null ? null : podMetadata.getMap("labels");
        pod.fileObjects = List.copyOf(fileObjects);
        return pod;
    }

    private PodBuilder(EffectivePod pod) {
        this.step = null;
        this.plugin = null;
        this.controllerPatch = null;
        this.patch = null;
        this.interposer = null;
        this.pod = pod;
    }

    private void addPlain(YSeq list, List<PodContainer> into, String prefix) {
        for (Map.Entry<String, YMap> e : named(list, prefix).entrySet()) {
            YMap c = e.getValue();
            into.add(new PodContainer(pod, e.getKey(), PodContainer.Kind.UNMANAGED, c, c, c.getScalar("image"),
                    ImageSource.POD_SPEC, null, CommandText.ofExec(c.get("command"), c.get("args")), hasCommand(c),
                    Env.fromKubernetes(c.get("env"), "container env"), mounts(c)));
        }
    }

    private EffectivePod build() {
        YMap podSpec = plugin == null ? null : plugin.podSpec();
        // A patch container without a name cannot merge (BK609 reports it); the rest of the analysis follows what
        // its author evidently meant, the container at the same index, so that one mistake gives one finding.
        Map<String, YMap> controllerContainers = named(controllerPatch == null ? null
                : controllerPatch.getSeq("containers"), "container-");
        Map<String, YMap> patchContainers = named(patch == null ? null : patch.getSeq("containers"), "container-");
        YSeq written = podSpec == null ? null : podSpec.getSeq("containers");
        boolean any = false;
        if (written != null) {
            for (int i = 0; i < written.size(); i++) {
                if (written.items().get(i) instanceof YMap c) {
                    String name = c.string("name") != null ? c.string("name") : "container-" + i;
                    pod.containers.add(commandContainer(name, c, controllerContainers.remove(name),
                            patchContainers.remove(name)));
                    any = true;
                }
            }
        }
        if (!any && !pod.fromTemplate()) {
            pod.containers.add(commandContainer("container-0", null, controllerContainers.remove("container-0"),
                    patchContainers.remove("container-0")));
        }
        addUnmanaged(controllerContainers, ImageSource.CONTROLLER_PATCH);
        addUnmanaged(patchContainers, ImageSource.PATCH);
        Map<String, YMap> sidecars = named(plugin == null ? null : plugin.sidecars(), "sidecar-");
        for (Map.Entry<String, YMap> s : sidecars.entrySet()) {
            YMap c = s.getValue();
            pod.sidecars.add(new PodContainer(pod, s.getKey(), PodContainer.Kind.SIDECAR, c, c, c.getScalar("image"),
                    ImageSource.POD_SPEC, null, CommandText.ofExec(c.get("command"), c.get("args")),
                    hasCommand(c), Env.fromKubernetes(c.get("env"), "sidecar env"), mounts(c)));
        }
        return pod;
    }

    /** Containers that a patch names but the pod does not have: the patch adds them, running their own command. */
    private void addUnmanaged(Map<String, YMap> containers, ImageSource source) {
        for (Map.Entry<String, YMap> extra : containers.entrySet()) {
            YMap c = extra.getValue();
            pod.containers.add(new PodContainer(pod, extra.getKey(), PodContainer.Kind.UNMANAGED, c, c,
                    c.getScalar("image"), source, null, CommandText.ofExec(c.get("command"),
                    c.get("args")), hasCommand(c), Env.fromKubernetes(c.get("env"), "container env"), mounts(c)));
        }
    }

    private static YMap merged(YMap base, YMap patch) {
        return patch == null ? base : base == null ? patch : (YMap) StrategicMerge.merge(base, patch);
    }

    private static YScalar imageOf(YMap patch) {
        YScalar image = patch == null ? null : patch.getScalar("image");
        return image == null || image.isNull() ? null : image;
    }

    private PodContainer commandContainer(String name, YMap written, YMap controllerPatched, YMap patched) {
        YMap node = merged(merged(written, controllerPatched), patched);
        YScalar podSpecImage = written == null ? null : written.getScalar("image");
        YScalar image = podSpecImage;
        ImageSource imageSource = written == null ? ImageSource.CONTROLLER_DEFAULT : ImageSource.POD_SPEC;
        if (imageOf(controllerPatched) != null) {
            podSpecImage = imageOf(controllerPatched);
            image = podSpecImage;
            imageSource = ImageSource.CONTROLLER_PATCH;
        }
        YScalar replaced = null;
        YScalar stepImage = step.effectiveImage();
        if (stepImage != null && !stepImage.isNull()) {
            replaced = podSpecImage;
            image = stepImage;
            imageSource = step.image() != null ? ImageSource.STEP_IMAGE : ImageSource.PIPELINE_IMAGE;
        }
        if (imageOf(patched) != null) {
            replaced = null;
            image = imageOf(patched);
            imageSource = ImageSource.PATCH;
        }
        boolean own = node != null && hasCommand(node);
        // An interposer the controller rejects fails the job before any command runs; model the default's text.
        CommandText script = own ? CommandText.ofContainer(interposer.value() == null ? Interposer.BUILDKITE
                : interposer.value(), node.get("command"), node.get("args")) : step.command();
        Env env = node == null ? step.effectiveEnv()
                : Env.fromKubernetes(node.get("env"), "container env").over(step.effectiveEnv());
        List<Mount> mounts = mounts(node);
        addCommandParamsMounts(mounts);
        return new PodContainer(pod, name, PodContainer.Kind.COMMAND, node, written != null ? written
                : patched != null && patched.source() == step.pipeline().document().source() ? patched : null,
                image, imageSource, replaced, script, own, env, mounts);
    }

    private static boolean hasCommand(YMap container) {
        YNode command = container.get("command");
        return command instanceof YSeq seq && seq.size() > 0 || command instanceof YScalar s && !s.isNull();
    }

    /** The container's mounts, then the plugin's extraVolumeMounts; the first mount at a path wins. */
    private List<Mount> mounts(YMap container) {
        Map<String, Mount> byPath = new LinkedHashMap<>();
        addMounts(byPath, container == null ? null : container.getSeq("volumeMounts"));
        addMounts(byPath, plugin == null ? null : plugin.extraVolumeMounts());
        return new ArrayList<>(byPath.values());
    }

    /** The plugin's {@code commandParams.extraVolumeMounts} go to command containers only, after their own. */
    private void addCommandParamsMounts(List<Mount> mounts) {
        YMap params = plugin == null || !(plugin.field("commandParams") instanceof YMap m) ? null : m;
        if (params == null) {
            return;
        }
        Map<String, Mount> byPath = new LinkedHashMap<>();
        for (Mount m : mounts) {
            byPath.put(m.mountPath(), m);
        }
        addMounts(byPath, params.getSeq("extraVolumeMounts"));
        mounts.clear();
        mounts.addAll(byPath.values());
    }

    private void addMounts(Map<String, Mount> byPath, YSeq list) {
        if (list == null) {
            return;
        }
        for (YNode item : list.items()) {
            if (item instanceof YMap m && m.string("mountPath") != null) {
                String path = Mount.normalise(m.string("mountPath"));
                byPath.putIfAbsent(path, new Mount(path, m.string("name"), m, volume(m.string("name"))));
            }
        }
    }

    private YMap volume(String name) {
        YSeq volumes = pod.spec() == null ? null : pod.spec().getSeq("volumes");
        if (name == null || volumes == null) {
            return null;
        }
        for (YNode v : volumes.items()) {
            if (v instanceof YMap m && name.equals(m.string("name"))) {
                return m;
            }
        }
        return null;
    }

    /** Containers of a list by name, unnamed ones given {@code prefix + index} as the controller does. */
    private static Map<String, YMap> named(YSeq list, String prefix) {
        Map<String, YMap> byName = new LinkedHashMap<>();
        if (list != null) {
            for (int i = 0; i < list.size(); i++) {
                if (list.items().get(i) instanceof YMap m) {
                    byName.put(m.string("name") != null ? m.string("name") : prefix + i, m);
                }
            }
        }
        return byName;
    }
}
