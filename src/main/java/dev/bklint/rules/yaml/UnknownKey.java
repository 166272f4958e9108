package dev.bklint.rules.yaml;

import dev.bklint.finding.Fix;
import dev.bklint.kubernetes.EffectivePod;
import dev.bklint.rules.Headline;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;
import dev.bklint.rules.StepAnalysis;
import dev.bklint.schema.SchemaViolation;
import dev.bklint.source.Span;
import dev.bklint.text.Quoted;
import dev.bklint.text.Suggestions;
import dev.bklint.yaml.YEntry;
import dev.bklint.yaml.YMap;
import dev.bklint.yaml.YamlEdits;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * BK004: a key in the kubernetes plugin that neither the plugin nor the Kubernetes type at that place has. The
 * controller decodes the plugin with Go's {@code json.Unmarshal}, which drops unknown keys silently, so a typo
 * removes a setting without a word. A key that differs from a field only in letter case is that field for Go, and
 * is not reported.
 */
public final class UnknownKey implements Rule {
    /**
     * A key that is right somewhere else: why (null when the fix, which says where it belongs, is all there is to
     * say), the fix, or the key to write here instead.
     */
    private record Hint(String advice, String fix, String rename) {
    }

    private static final Set<String> CONTAINER_SECURITY = Set.of("privileged", "runAsUser", "runAsGroup",
            "runAsNonRoot", "capabilities", "allowPrivilegeEscalation", "readOnlyRootFilesystem", "seccompProfile",
            "appArmorProfile", "seLinuxOptions", "procMount");
    private static final Set<String> POD_ONLY_SECURITY = Set.of("fsGroup", "fsGroupChangePolicy",
            "supplementalGroups", "supplementalGroupsPolicy", "sysctls", "seLinuxChangePolicy");
    private static final Set<String> CONTAINER_ONLY_SECURITY = Set.of("capabilities", "allowPrivilegeEscalation",
            "readOnlyRootFilesystem", "procMount", "privileged");
    private static final Set<String> POD_FIELDS = Set.of("volumes", "initContainers", "containers", "hostUsers",
            "hostNetwork", "hostPID", "hostIPC", "serviceAccountName", "nodeSelector", "tolerations", "affinity",
            "imagePullSecrets", "terminationGracePeriodSeconds", "activeDeadlineSeconds", "runtimeClassName",
            "priorityClassName", "shareProcessNamespace", "automountServiceAccountToken", "dnsPolicy");
    private static final Set<String> CONTAINER_FIELDS = Set.of("image", "command", "args", "env", "envFrom",
            "volumeMounts", "workingDir", "imagePullPolicy", "ports", "livenessProbe", "readinessProbe",
            "startupProbe", "lifecycle", "stdin", "tty");
    private static final Set<String> PLUGIN_FIELDS = Set.of("extraVolumeMounts", "sidecars", "gitEnvFrom",
            "metadata", "checkout", "commandParams", "sidecarParams", "jobActiveDeadlineSeconds", "podSpecPatch",
            "podTemplate");
    private static final Set<String> CHECKOUT_FIELDS = Set.of("skip", "cloneFlags", "fetchFlags", "cleanFlags",
            "checkoutFlags", "noSubmodules", "gitMirrors", "gitCredentialsSecret", "submoduleCloneConfig");
    private static final Map<String, String> VOLUME_SOURCE_FIELDS = Map.of("secretName", "secret", "claimName",
            "persistentVolumeClaim", "medium", "emptyDir", "sizeLimit", "emptyDir", "path", "hostPath");
    private static final Set<String> ENV_SOURCE_FIELDS = Set.of("secretKeyRef", "configMapKeyRef", "fieldRef",
            "resourceFieldRef");

    @Override
    public void visitStep(StepAnalysis step, Reporter reporter) {
        if (step.step() == null || step.plugin() == null || step.plugin().config() == null) {
            return;
        }
        KeysIgnoringCase keys = new KeysIgnoringCase();
        for (SchemaViolation v : step.pluginViolations()) {
            if (v.kind() == SchemaViolation.Kind.UNKNOWN_KEY && !reportedByBk207(step, v)) {
                report(v, reporter, keys);
            }
        }
    }

    /** BK207 (privileged-in-pod-security-context) already reports {@code privileged} in the pod securityContext. */
    private static boolean reportedByBk207(StepAnalysis step, SchemaViolation v) {
        if (!"PodSecurityContext".equals(v.owner()) || !"privileged".equals(v.key())) {
            return false;
        }
        EffectivePod pod = step.pod();
        YMap sc = pod == null ? null : pod.podSecurityContext();
        YEntry reported = sc == null ? null : sc.entry("privileged");
        return reported != null && reported.key().span().equals(v.node().span());
    }

    /** Each mapping's keys in lower case, built once per mapping: a mapping can have thousands of unknown keys. */
    private static final class KeysIgnoringCase {
        private final IdentityHashMap<YMap, Set<String>> lowered = new IdentityHashMap<>();

        boolean has(YMap map, String key) {
            return lowered.computeIfAbsent(map, m -> {
                Set<String> keys = new HashSet<>();
                for (YEntry e : m.entries()) {
                    keys.add(e.keyText().toLowerCase(Locale.ROOT));
                }
                return keys;
            }).contains(key.toLowerCase(Locale.ROOT));
        }
    }

    private void report(SchemaViolation v, Reporter reporter, KeysIgnoringCase keys) {
        String key = v.key().isEmpty() ? "\"\"" : Quoted.clip(v.key());
        String headline = v.path().isEmpty() ? "The kubernetes plugin has no field `" + key + "`."
                : Headline.first("`" + v.path() + "` is " + article(v.owner()) + " " + v.owner()
                        + ", which has no field `" + key + "`.", "`" + v.path() + "` has no field `" + key + "`.",
                        "This " + v.owner() + " has no field `" + key + "`.");
        String why = "The controller drops unknown keys without a word, so this setting is lost.";
        Hint hint = hint(v.owner(), key);
        List<String> suggestions = hint != null && hint.rename() != null ? List.of(hint.rename())
                : hint != null ? List.of() : Suggestions.nearest(key, v.validKeys());
        if (hint != null && hint.advice() != null) {
            why += " " + hint.advice();
        }
        // "Did you mean" and "It goes under ..." are the fix's rename or move, printed below.
        reporter.report(v.node(), headline, why, fix(v, hint, suggestions, keys));
    }

    private static Fix fix(SchemaViolation v, Hint hint, List<String> suggestions, KeysIgnoringCase keys) {
        String key = Quoted.clip(v.key());
        if (suggestions.size() == 1) {
            String target = suggestions.get(0);
            String description = "Rename `" + key + "` to `" + target + "`.";
            if (v.parent() != null && keys.has(v.parent(), target)) {
                return Fix.describe("`" + target + "` is already set here: merge `" + key + "` into it.", null);
            }
            String snippet = target + ":" + valueText(v.entry());
            return new Fix(description, snippet, List.of(YamlEdits.replace(v.node(), target)));
        }
        if (hint != null) {
            return Fix.describe(hint.fix(), null);
        }
        if (!suggestions.isEmpty()) {
            return Fix.describe("Rename `" + key + "` to " + orList(suggestions) + ".", null);
        }
        String known = v.validKeys().size() <= 12
                ? " (" + v.owner() + " has " + v.validKeys().stream().map(k -> "`" + k + "`")
                        .collect(Collectors.joining(", ")) + ")" : "";
        return Fix.describe("Correct `" + key + "` to the field you meant" + known + ", or remove it.", null);
    }

    /** The value as written when it fits on its line (" 1000", " \"x\""), for the fix snippet; else empty. */
    private static String valueText(YEntry entry) {
        Span s = entry.value().span();
        if (entry.value().asScalar() == null || s.line() != s.endLine() || entry.value().source() == null) {
            return "";
        }
        String line = entry.value().source().line(s.line());
        return s.endColumn() - 1 <= line.length() ? " " + line.substring(s.column() - 1, s.endColumn() - 1) : "";
    }

    private static String article(String type) {
        return "AEIOU".indexOf(Character.toUpperCase(type.charAt(0))) >= 0 ? "an" : "a";
    }

    /** The spelling of a key that the hints know, ignoring case; the key itself when none matches. */
    private static String canonical(String key) {
        for (Set<String> names : List.of(CONTAINER_SECURITY, POD_ONLY_SECURITY, POD_FIELDS, CONTAINER_FIELDS,
                PLUGIN_FIELDS, CHECKOUT_FIELDS, VOLUME_SOURCE_FIELDS.keySet(), ENV_SOURCE_FIELDS,
                Set.of("securityContext", "volumeMounts", "labels", "annotations", "interposer"))) {
            for (String name : names) {
                if (name.equalsIgnoreCase(key)) {
                    return name;
                }
            }
        }
        return key;
    }

    private static String orList(List<String> keys) {
        List<String> quoted = keys.stream().map(k -> "`" + k + "`").toList();
        if (quoted.size() == 1) {
            return quoted.get(0);
        }
        return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " or " + quoted.get(quoted.size() - 1);
    }

    /** Keys written at the wrong level: say where they belong (letter case ignored, as Go ignores it). */
    private static Hint hint(String owner, String written) {
        String key = canonical(written);
        if (key.startsWith("$")) {
            return new Hint("Patch directives such as `" + key + "` are lost: the controller decodes `podSpecPatch` "
                    + "into a PodSpec before merging, so nothing can be deleted or replaced this way.",
                    "Remove `" + key + "`; set the fields you want in `podSpec` instead.", null);
        }
        switch (owner) {
            case "Container":
                if (key.equals("extraVolumeMounts")) {
                    return new Hint("`extraVolumeMounts` is a field of the kubernetes plugin itself (and of its "
                            + "`checkout`, `commandParams` and `sidecarParams`); a container's mounts go under "
                            + "`volumeMounts`.", null, "volumeMounts");
                }
                if (CONTAINER_SECURITY.contains(key)) {
                    return move(written, "under the container's `securityContext`");
                }
                if (POD_ONLY_SECURITY.contains(key)) {
                    return move(written, "into the pod-level `securityContext` of the podSpec");
                }
                if (POD_FIELDS.contains(key)) {
                    return move(written, "to the podSpec (it is not a container field)");
                }
                return null;
            case "SecurityContext":
                if (POD_ONLY_SECURITY.contains(key)) {
                    return move(written, "into the pod-level `securityContext` of the podSpec (containers do not have it)");
                }
                if (POD_FIELDS.contains(key)) {
                    return move(written, "to the podSpec itself (it is not a securityContext field)");
                }
                return null;
            case "PodSecurityContext":
                if (CONTAINER_ONLY_SECURITY.contains(key)) {
                    return move(written, "into a container's `securityContext` (the pod-level one does not have it)");
                }
                if (POD_FIELDS.contains(key)) {
                    return move(written, "to the podSpec itself, next to `securityContext`");
                }
                return null;
            case "PodSpec":
                if (CONTAINER_FIELDS.contains(key)) {
                    return move(written, "into a container under `containers` (it is a container field)");
                }
                if (CONTAINER_SECURITY.contains(key) || POD_ONLY_SECURITY.contains(key)) {
                    return move(written, "under a `securityContext` (the container's for container-only fields such as "
                            + "`privileged`)");
                }
                if (PLUGIN_FIELDS.contains(key)) {
                    return move(written, "out of the podSpec, next to `podSpec` (it is a field of the kubernetes plugin)");
                }
                return null;
            case "kubernetes plugin":
                if (POD_FIELDS.contains(key) || key.equals("securityContext")) {
                    return move(written, "under `podSpec` (or `podSpecPatch`): it is a PodSpec field");
                }
                if (key.equals("volumeMounts")) {
                    return new Hint("The plugin's own field for mounts in every container is `extraVolumeMounts`.",
                            null, "extraVolumeMounts");
                }
                if (key.equals("image") || key.equals("env") || key.equals("command")) {
                    return move(written, "to the step's own `" + key + ":`, or to a container under `podSpec.containers`");
                }
                if (key.equals("labels") || key.equals("annotations")) {
                    return move(written, "under the plugin's `metadata`");
                }
                if (CHECKOUT_FIELDS.contains(key)) {
                    return move(written, "under the plugin's `checkout`");
                }
                if (key.equals("interposer")) {
                    return move(written, "under the plugin's `commandParams`");
                }
                return null;
            case "Volume":
                if (VOLUME_SOURCE_FIELDS.containsKey(key)) {
                    return move(written, "under the volume's `" + VOLUME_SOURCE_FIELDS.get(key) + "`");
                }
                return null;
            case "EnvVar":
                if (ENV_SOURCE_FIELDS.contains(key)) {
                    return move(written, "under the variable's `valueFrom`");
                }
                return null;
            default:
                return null;
        }
    }

    private static Hint move(String key, String place) {
        return new Hint(null, "Move `" + key + "` " + place + ".", null);
    }
}
