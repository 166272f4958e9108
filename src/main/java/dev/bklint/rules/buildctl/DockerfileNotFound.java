package dev.bklint.rules.buildctl;

import dev.bklint.rules.Headline;
import dev.bklint.buildkit.Invocation;
import dev.bklint.dockerfile.Project;
import dev.bklint.finding.Fix;
import dev.bklint.finding.Severity;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;

/** BK412: the Dockerfile the frontend will look for does not exist in the checkout. */
public final class DockerfileNotFound implements Rule {
    @Override
    public void visitBuildctl(Invocation invocation, Reporter reporter) {
        Project.Resolved d = reporter.dockerfile(invocation);
        if (d == null) {
            return;
        }
        var flag = d.filenameOpt() != null ? d.filenameOpt() : d.dockerfileLocal();
        String path = d.path().toString().replace('\\', '/');
        String from = "`" + d.dockerfileLocal().value() + "`";
        if (d.refused() != null) {
            // Not read: bklint reads nothing outside the checkout. A `..` out is common in monorepos (info);
            // a link out or a special file is not something a checkout should hold (warning).
            reporter.report(d.refused().contains("`..`") ? Severity.INFO : Severity.WARNING,
                    invocation.valueSpan(flag), Headline.first("bklint did not read the Dockerfile `" + path
                            + "` (from " + from + ").", "bklint did not read the Dockerfile `" + path + "`."),
                    "The path " + d.refused() + "; bklint reads only regular files inside the project directory, so "
                    + "the build's Dockerfile is not checked. Keep the Dockerfile in the checkout, or give "
                    + "--project-dir the folder that holds it.", null);
            return;
        }
        if (d.exists()) {
            return;
        }
        reporter.report(invocation.valueSpan(flag), Headline.first("The Dockerfile `" + path + "` that this build "
                + "reads does not exist.", "The Dockerfile that this build reads does not exist."),
                "The Dockerfile frontend reads it from " + from
                + (d.filenameOpt() == null ? ", default filename `Dockerfile`" : " and `" + d.filenameOpt().value() + "`")
                + ", relative to " + reporter.project().root().getFileName() + "/"
                + (Project.DEFAULT_NAME.equals(d.path().getFileName().toString())
                        ? "; `" + Project.LOWER_CASE_NAME + "` beside it, which the frontend also tries, does not "
                        + "exist either" : "") + ". The build fails with `failed to read dockerfile`.",
                Fix.describe("Point the build at the Dockerfile.",
                "--local dockerfile=<dir> --opt filename=<name>"));
    }
}
