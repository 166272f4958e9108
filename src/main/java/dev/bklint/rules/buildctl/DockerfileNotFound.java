package dev.bklint.rules.buildctl;

import dev.bklint.buildkit.Invocation;
import dev.bklint.dockerfile.Project;
import dev.bklint.report.Fix;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;

/** BK412: the Dockerfile the frontend will look for does not exist in the checkout. */
public final class DockerfileNotFound implements Rule {
    @Override
    public void visitBuildctl(Invocation invocation, Reporter reporter) {
        Project.Resolved d = reporter.dockerfile(invocation);
        if (d == null || d.exists()) {
            return;
        }
        var flag = d.filenameOpt() != null ? d.filenameOpt() : d.dockerfileLocal();
        reporter.report(invocation.valueSpan(flag), "The Dockerfile frontend will read `" + d.path().toString()
                .replace('\\', '/') + "` (from `" + d.dockerfileLocal().value() + "`"
                + (d.filenameOpt() == null ? ", default filename `Dockerfile`" : " and `" + d.filenameOpt().value() + "`")
                + ", relative to " + reporter.project().root().getFileName() + "/), which does not exist, so the build fails "
                + "with `failed to read dockerfile`. Point `--local dockerfile=` at the directory that holds it and "
                + "`--opt filename=` at its name.", Fix.describe("Point the build at the Dockerfile.",
                "--local dockerfile=<dir> --opt filename=<name>"));
    }
}
