package dev.bklint.kubernetes;

import dev.bklint.pipeline.Interposer;
import dev.bklint.yaml.YMap;
import dev.bklint.yaml.YScalar;

/**
 * The interposer a step's command containers get, and where it was set. The plugin's
 * {@code commandParams.interposer} wins when non-empty, else the controller's {@code default-command-params}, else
 * {@code buildkite} (buildkite/agent-stack-k8s@a5d56d1 internal/controller/scheduler/scheduler.go:404-410,
 * internal/controller/config/command_params.go:36-38).
 *
 * @param value  the interposer; null when the configured value is not one the controller accepts
 * @param origin where it comes from, for messages
 * @param node   the value as written in the pipeline; null when it comes from elsewhere
 */
public record EffectiveInterposer(Interposer value, String origin, YScalar node) {
    public static final String DEFAULT_ORIGIN = "the controller's default";

    /** {@code controllerDefault} is the controller's configured value, null when unset or unknown. */
    static EffectiveInterposer of(KubernetesPlugin plugin, EffectiveInterposer controllerDefault) {
        YMap params = plugin == null || !(plugin.field("commandParams") instanceof YMap m) ? null : m;
        YScalar written = params == null ? null : params.getScalar("interposer");
        if (written != null && !written.isNull() && !written.value().isEmpty()) {
            return new EffectiveInterposer(Interposer.parse(written.value()),
                    "the plugin's `commandParams.interposer`", written);
        }
        return controllerDefault != null ? controllerDefault
                : new EffectiveInterposer(Interposer.BUILDKITE, DEFAULT_ORIGIN, null);
    }

    /** The controller's {@code default-command-params.interposer}; null when it sets none. */
    static EffectiveInterposer ofController(YMap defaultCommandParams) {
        YScalar written = defaultCommandParams == null ? null : defaultCommandParams.getScalar("interposer");
        if (written == null || written.isNull()) {
            return null;
        }
        // An empty value is buildkite (command_params.go:36-38), set here explicitly.
        Interposer value = written.value().isEmpty() ? Interposer.BUILDKITE : Interposer.parse(written.value());
        return new EffectiveInterposer(value, "the controller's `default-command-params.interposer`", null);
    }
}
