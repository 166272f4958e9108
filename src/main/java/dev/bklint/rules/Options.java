package dev.bklint.rules;

import dev.bklint.config.RuleSettings;
import dev.bklint.kubernetes.ControllerConfig;
import java.nio.file.Path;

/**
 * What the user told bklint about the target: the Kubernetes version (assumed current when not given), the
 * Pod Security Standards level the namespace enforces, the controller's configuration and the checkout that
 * Dockerfiles are found in (each null when not given).
 */
public record Options(KubernetesVersion kubernetesVersion, boolean versionAssumed, String podSecurityLevel,
                      ControllerConfig controller, Path projectDir, boolean noIgnores, RuleSettings settings) {
    public static final KubernetesVersion CURRENT = new KubernetesVersion(1, 36);

    public Options(KubernetesVersion kubernetesVersion, boolean versionAssumed, String podSecurityLevel) {
        this(kubernetesVersion, versionAssumed, podSecurityLevel, null, null, false, RuleSettings.NONE);
    }

    public static Options defaults() {
        return new Options(CURRENT, true, null, null, null, false, RuleSettings.NONE);
    }

    public Options withController(ControllerConfig config) {
        return new Options(kubernetesVersion, versionAssumed, podSecurityLevel, config, projectDir, noIgnores,
                settings);
    }
}
