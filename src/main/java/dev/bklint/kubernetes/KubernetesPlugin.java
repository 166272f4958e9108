package dev.bklint.kubernetes;

import dev.bklint.pipeline.CommandStep;
import dev.bklint.pipeline.PluginUse;
import dev.bklint.yaml.YMap;
import dev.bklint.yaml.YNode;
import dev.bklint.yaml.YSeq;

/** The Agent Stack for Kubernetes plugin's configuration on one step. */
public record KubernetesPlugin(PluginUse use, YMap config) {

    /** The step's kubernetes plugin (the first, as the controller reads one), or null. */
    public static KubernetesPlugin of(CommandStep step) {
        for (PluginUse use : step.plugins()) {
            if (use.isKubernetes()) {
                return new KubernetesPlugin(use, use.config() instanceof YMap m ? m : null);
            }
        }
        return null;
    }

    /**
     * The controller decodes the plugin with Go's JSON rules, which match field names case-insensitively,
     * so {@code podspec} is read as {@code podSpec}.
     */
    public YNode field(String name) {
        if (config == null) {
            return null;
        }
        YNode exact = config.get(name);
        if (exact != null) {
            return exact;
        }
        for (var e : config.entries()) {
            if (e.keyText() != null && e.keyText().equalsIgnoreCase(name)) {
                return e.value();
            }
        }
        return null;
    }

    public YMap podSpec() {
        return field("podSpec") instanceof YMap m ? m : null;
    }

    public YMap podSpecPatch() {
        return field("podSpecPatch") instanceof YMap m ? m : null;
    }

    public YMap metadata() {
        return field("metadata") instanceof YMap m ? m : null;
    }

    public YSeq sidecars() {
        return field("sidecars") instanceof YSeq s ? s : null;
    }

    public YSeq extraVolumeMounts() {
        return field("extraVolumeMounts") instanceof YSeq s ? s : null;
    }

    public boolean usesPodTemplate() {
        return field("podTemplate") != null && podSpec() == null;
    }
}
