package dev.bklint.rules.buildctl;

import dev.bklint.rules.Headline;
import dev.bklint.buildkit.EnvLookup;
import dev.bklint.buildkit.Invocation;
import dev.bklint.buildkit.SimpleCommand;
import dev.bklint.buildkit.Word;
import dev.bklint.kubernetes.Mount;
import dev.bklint.kubernetes.PodContainer;
import dev.bklint.pipeline.CommandStep;
import dev.bklint.pipeline.Env;
import dev.bklint.pipeline.PluginUse;
import dev.bklint.finding.Fix;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;
import dev.bklint.source.Span;
import java.util.Locale;

/**
 * BK407: buildctl reads registry credentials from {@code $DOCKER_CONFIG/config.json} (default {@code ~/.docker})
 * on the client side. A push with nothing in sight that could provide them fails with 401 at the end of the build.
 * Anything that could (an env var, a mount, a secret, another plugin, a login command) keeps the rule silent.
 */
public final class PushWithoutCredentials implements Rule {
    @Override
    public void visitBuildctl(Invocation invocation, Reporter reporter) {
        Span push = pushSpan(invocation);
        PodContainer c = invocation.container().container();
        if (push == null || c == null || hasCredentials(invocation, c)) {
            return;
        }
        String home = invocation.container().image() != null && invocation.container().image().isRootlessTag()
                ? "/home/user/.docker" : "/root/.docker";
        reporter.report(push, Headline.first("This build pushes to a registry, but nothing in container `" + c.name()
                + "` provides credentials.", "This build pushes to a registry, but nothing in its container provides "
                + "credentials."), "buildctl reads them on the client side from `$DOCKER_CONFIG/config.json` "
                + "(default `" + home + "`), and no DOCKER_CONFIG, no mount there, no secret volume and no login step "
                + "is in sight, so the push is likely to fail with `401 Unauthorized` after the whole build.",
                Fix.describe("Mount the registry credentials.", "volumes:\n  - name: registry-auth\n"
                + "    secret:\n      secretName: registry-auth\n      items:\n        - key: .dockerconfigjson\n"
                + "          path: config.json\n# in the container:\nvolumeMounts:\n  - name: registry-auth\n"
                + "    mountPath: " + home + "\n    readOnly: true"));
    }

    /** Where the build pushes: an image output with push=true, or a registry cache export; null when it does not. */
    private static Span pushSpan(Invocation invocation) {
        for (Invocation.CsvFlag out : invocation.csvFlags("output")) {
            var csv = out.options();
            String p = csv.get("push");
            if ("image".equals(csv.get("type")) && csv.has("push") && (p == null || p.isEmpty() || p.equals("true"))) {
                return invocation.entrySpan(out.flag(), csv.entry("push"));
            }
        }
        for (Invocation.CsvFlag cache : invocation.csvFlags("export-cache")) {
            if ("registry".equals(cache.options().get("type"))) {
                return invocation.entrySpan(cache.flag(), cache.options().entry("type"));
            }
        }
        return null;
    }

    private static boolean hasCredentials(Invocation invocation, PodContainer c) {
        CommandStep step = invocation.container().step().step();
        Env fallback = step == null ? Env.EMPTY : step.effectiveEnv();
        EnvLookup env = new EnvLookup(c, fallback, invocation.script(), invocation.container().shell(),
                invocation.command().command());
        if (env.get("DOCKER_CONFIG") != null || env.get("DOCKER_AUTH_CONFIG") != null) {
            return true;
        }
        for (Mount m : c.mounts()) {
            String kind = m.volumeKind();
            if (m.mountPath().endsWith("/.docker") || m.mountPath().endsWith(".docker/config.json")
                    || "secret".equals(kind) || "projected".equals(kind) || "csi".equals(kind)) {
                return true;
            }
        }
        if (c.node() != null && c.node().has("envFrom")) {
            return true;
        }
        var pod = invocation.container().step().pod();
        if (pod != null && pod.controllerCredentials()) {
            return true; // Tekton's creds-init places the service account's registry secrets in the step
        }
        if (step != null) {
            for (PluginUse p : step.plugins()) {
                if (!p.isKubernetes()) {
                    return true; // plugins run in the command container and may log in
                }
            }
            var plugin = pod == null ? null : pod.plugin();
            if (plugin != null && plugin.field("gitEnvFrom") != null) {
                return true;
            }
        }
        return logsInFirst(invocation);
    }

    /** An earlier command that logs in or writes a Docker config. */
    private static boolean logsInFirst(Invocation invocation) {
        int before = invocation.command().command().start();
        for (SimpleCommand c : invocation.container().shell().commandsBefore(before)) {
            for (Word w : c.words()) {
                String v = w.value().toLowerCase(Locale.ROOT);
                if (v.equals("login") || v.contains("config.json") || v.contains("docker_config")
                        || v.contains("dockerconfigjson") || v.contains("credential")) {
                    return true;
                }
            }
        }
        return false;
    }
}
