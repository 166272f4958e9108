package dev.bklint.pipeline;

import dev.bklint.yaml.YNode;

/**
 * One plugin entry of a step: the source as written (e.g. {@code kubernetes#v1.0.0}), the node holding it,
 * and its configuration (null when the plugin has none).
 */
public record PluginUse(String source, YNode sourceNode, YNode config) {
    public static final String KUBERNETES = "github.com/buildkite-plugins/kubernetes-buildkite-plugin";

    /** The source without a {@code #ref}. */
    public String location() {
        int hash = source.indexOf('#');
        return hash < 0 ? source : source.substring(0, hash);
    }

    /** The {@code #ref} suffix without the hash, or null. */
    public String ref() {
        int hash = source.indexOf('#');
        return hash < 0 ? null : source.substring(hash + 1);
    }

    /**
     * The location as buildkite-agent canonicalises it: {@code x} → {@code github.com/buildkite-plugins/x-buildkite-plugin},
     * {@code org/x} → {@code github.com/org/x-buildkite-plugin}.
     */
    public String canonicalLocation() {
        String loc = location().trim();
        if (loc.contains("://") || loc.startsWith("./") || loc.startsWith("/") || loc.startsWith("file:")) {
            return loc;
        }
        String[] parts = loc.split("/");
        if (parts.length == 1) {
            return "github.com/buildkite-plugins/" + withSuffix(parts[0]);
        }
        if (parts.length == 2) {
            return "github.com/" + parts[0] + "/" + withSuffix(parts[1]);
        }
        return loc;
    }

    private static String withSuffix(String name) {
        return name.endsWith("-buildkite-plugin") ? name : name + "-buildkite-plugin";
    }

    /** True when this is the Agent Stack for Kubernetes plugin, with or without a (wrong) ref. */
    public boolean isKubernetes() {
        return canonicalLocation().equals(KUBERNETES);
    }
}
