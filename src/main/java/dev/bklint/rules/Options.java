package dev.bklint.rules;

/**
 * What the user told bklint about the target: the Kubernetes version (assumed current when not given) and the
 * Pod Security Standards level the namespace enforces (null when not given).
 */
public record Options(KubernetesVersion kubernetesVersion, boolean versionAssumed, String podSecurityLevel) {
    public static final KubernetesVersion CURRENT = new KubernetesVersion(1, 36);

    public static Options defaults() {
        return new Options(CURRENT, true, null);
    }
}
