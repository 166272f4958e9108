package dev.bklint.rules.buildctl;

import dev.bklint.rules.Headline;
import dev.bklint.buildkit.Flag;
import dev.bklint.buildkit.Invocation;
import dev.bklint.dockerfile.Project;
import dev.bklint.finding.Fix;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;
import dev.bklint.text.Suggestions;
import java.util.Set;

/** BK414: a build arg the Dockerfile never declares with {@code ARG}; BuildKit ignores it. */
public final class BuildArgUndeclared implements Rule {
    /** Args BuildKit defines or reads itself, which need no ARG line to take effect. */
    private static final Set<String> PREDEFINED = Set.of(
            "HTTP_PROXY", "HTTPS_PROXY", "FTP_PROXY", "NO_PROXY", "ALL_PROXY",
            "http_proxy", "https_proxy", "ftp_proxy", "no_proxy", "all_proxy",
            "BUILDKIT_CACHE_MOUNT_NS", "BUILDKIT_MULTI_PLATFORM", "BUILDKIT_SANDBOX_HOSTNAME",
            "BUILDKIT_DOCKERFILE_CHECK", "BUILDKIT_CONTEXT_KEEP_GIT_DIR", "BUILDKIT_INLINE_CACHE",
            "BUILDKIT_SYNTAX", "SOURCE_DATE_EPOCH");

    @Override
    public void visitBuildctl(Invocation invocation, Reporter reporter) {
        Project.Resolved d = reporter.dockerfile(invocation);
        if (d == null || d.dockerfile() == null) {
            return;
        }
        Set<String> declared = d.dockerfile().declaredArgs();
        for (Flag f : invocation.command().flags("opt")) {
            if (f.value() == null || !f.value().startsWith("build-arg:")) {
                continue;
            }
            String rest = f.value().substring("build-arg:".length());
            String name = rest.contains("=") ? rest.substring(0, rest.indexOf('=')) : rest;
            if (name.isEmpty() || name.contains("$") || declared.contains(name) || PREDEFINED.contains(name)) {
                continue;
            }
            String suggestion = Suggestions.closest(name, declared);
            String path = d.path().toString().replace('\\', '/');
            reporter.report(invocation.valueSpan(f), Headline.first("Build arg `" + name + "` is passed, but `" + path
                    + "` declares no `ARG " + name + "`.", "Build arg `" + name + "` is passed, but `" + path
                    + "` declares no such `ARG`."),
                    "BuildKit ignores the value, so the build does not get it."
                    + (suggestion == null ? "" : " Did you mean `" + suggestion + "`?"),
                    Fix.describe("Declare the argument in the Dockerfile.", "ARG " + name));
        }
    }
}
