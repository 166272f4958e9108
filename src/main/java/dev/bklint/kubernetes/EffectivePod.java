package dev.bklint.kubernetes;

import dev.bklint.pipeline.CommandStep;
import dev.bklint.yaml.YEntry;
import dev.bklint.yaml.YMap;
import dev.bklint.yaml.YScalar;
import java.util.ArrayList;
import java.util.List;

/** The pod the controller builds for one step: podSpec, the step's image, and podSpecPatch applied. */
public final class EffectivePod {
    private final CommandStep step;
    private final KubernetesPlugin plugin;
    private final YMap spec;
    private final YMap annotations;
    final List<PodContainer> containers = new ArrayList<>();
    final List<PodContainer> sidecars = new ArrayList<>();

    EffectivePod(CommandStep step, KubernetesPlugin plugin, YMap spec, YMap annotations) {
        this.step = step;
        this.plugin = plugin;
        this.spec = spec;
        this.annotations = annotations;
    }

    /** The pod template's labels (a plain manifest); null when none are written. */
    YMap labels;

    /** The other Kubernetes objects written in the same file (Services, Ingresses, ConfigMaps); empty for a step. */
    List<YMap> fileObjects = List.of();

    public YMap labels() {
        return labels;
    }

    public List<YMap> fileObjects() {
        return fileObjects;
    }

    /** The interposer of the step's command containers; null for a pod read from a plain manifest. */
    EffectiveInterposer interposer;

    public EffectiveInterposer interposer() {
        return interposer;
    }

    /** True when the controller adds registry credentials the file cannot show (Tekton's creds-init). */
    boolean controllerCredentials;

    public boolean controllerCredentials() {
        return controllerCredentials;
    }

    /** The Buildkite step the pod runs; null for a pod read from a plain Kubernetes manifest. */
    public CommandStep step() {
        return step;
    }

    public KubernetesPlugin plugin() {
        return plugin;
    }

    /** The merged PodSpec; null when the step gives none. */
    public YMap spec() {
        return spec;
    }

    /** Command containers (including the default {@code container-0}) and containers a patch added. */
    public List<PodContainer> containers() {
        return containers;
    }

    public List<PodContainer> sidecars() {
        return sidecars;
    }

    public List<PodContainer> allContainers() {
        List<PodContainer> all = new ArrayList<>(containers);
        all.addAll(sidecars);
        return all;
    }

    /** True when the pod comes from a named PodTemplate that the pipeline does not show. */
    public boolean fromTemplate() {
        return plugin != null && plugin.usesPodTemplate();
    }

    public YMap podSecurityContext() {
        return spec == null ? null : spec.getMap("securityContext");
    }

    public Setting podSetting(String field) {
        YMap sc = podSecurityContext();
        YEntry e = sc == null ? null : sc.entry(field);
        return e == null || e.value() instanceof YScalar s && s.isNull() ? null : new Setting(e, true);
    }

    /** The pod's {@code hostUsers} entry, or null. */
    public YEntry hostUsers() {
        return spec == null ? null : spec.entry("hostUsers");
    }

    /** True when the pod runs in its own user namespace ({@code hostUsers: false}). */
    public boolean inUserNamespace() {
        YEntry e = hostUsers();
        return e != null && e.value() instanceof YScalar s && s.isFalse();
    }

    /** The pod's annotations: the plugin's {@code metadata.annotations}, or a manifest's pod template ones. */
    public YMap annotations() {
        return annotations;
    }

    public YScalar annotation(String key) {
        YMap a = annotations();
        return a == null ? null : a.getScalar(key);
    }
}
