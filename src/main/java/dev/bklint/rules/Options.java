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
                      ControllerConfig controller, Path projectDir, boolean noIgnores, RuleSettings settings,
                      int maxFindings) {
    public static final KubernetesVersion CURRENT = new KubernetesVersion(1, 36);
    /**
     * Findings reported per file at most (the rest are counted by BK000), so that a small file cannot make a report
     * of unbounded size: no one reads further, a Buildkite annotation holds 1 MiB, and GitHub code scanning shows
     * 5,000 results of a run and rejects an upload of more than 25,000.
     */
    public static final int MAX_FINDINGS = 1000;

    public Options(KubernetesVersion kubernetesVersion, boolean versionAssumed, String podSecurityLevel) {
        this(kubernetesVersion, versionAssumed, podSecurityLevel, null, null, false, RuleSettings.NONE, MAX_FINDINGS);
    }

    public static Options defaults() {
        return new Options(CURRENT, true, null, null, null, false, RuleSettings.NONE, MAX_FINDINGS);
    }

    public Options withController(ControllerConfig config) {
        return new Options(kubernetesVersion, versionAssumed, podSecurityLevel, config, projectDir, noIgnores,
                settings, maxFindings);
    }

    /** The same options reporting at most {@code max} findings per file. */
    public Options withMaxFindings(int max) {
        return new Options(kubernetesVersion, versionAssumed, podSecurityLevel, controller, projectDir, noIgnores,
                settings, max);
    }

    public Options withSettings(RuleSettings ruleSettings) {
        return new Options(kubernetesVersion, versionAssumed, podSecurityLevel, controller, projectDir, noIgnores,
                ruleSettings, maxFindings);
    }
}
