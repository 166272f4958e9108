package dev.bklint.report;

import dev.bklint.finding.Finding;
import dev.bklint.finding.Severity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one-line formats, gnu and github, and the Buildkite annotation: exact text. */
class LineFormatsTest {
    @Test
    void gnuIsOneLinePerFindingWithSeverityAndRule() {
        assertEquals(""
                + ".buildkite/pipeline.yml:2:5: info: Needs the `privileged` level. [BK504]\n"
                + ".buildkite/pipeline.yml:3:12: error: Container `main` runs the rootful image "
                + "`moby/buildkit:v0.32.2`: 100% root, a, b. [BK101]\n"
                + ".buildkite/pipeline.yml:5:7: warning: No timeout.\\nSet <timeout_in_minutes> & retry | or not. "
                + "[BK205]\n",
                new GnuFormatter().format(ReportsForTests.withFindings()));
    }

    @Test
    void gnuPrintsNothingForACleanRun() {
        assertEquals("", new GnuFormatter().format(ReportsForTests.clean()));
    }

    @Test
    void githubCommandsEscapeDataAndProperties() {
        assertEquals(""
                + "::notice file=.buildkite/pipeline.yml,line=2,col=5,endLine=2,endColumn=5,"
                + "title=BK504 pod-security-level::Needs the `privileged` level.\n"
                + "::error file=.buildkite/pipeline.yml,line=3,col=12,endLine=3,endColumn=32,"
                + "title=BK101 root-image-not-privileged::Container `main` runs the rootful image "
                + "`moby/buildkit:v0.32.2`: 100%25 root, a, b. The daemon needs <privileges> & mounts | all of them.\n"
                + "::warning file=.buildkite/pipeline.yml,line=5,endLine=6,"
                + "title=BK205 sandbox-off-without-timeout::No timeout.\\nSet <timeout_in_minutes> & retry | or not.\n",
                new GithubFormatter().format(ReportsForTests.withFindings()));
        assertEquals("a%25b\\r\\nc%3Ad%2Ce", GithubFormatter.property("a%b\r\nc:d,e"));
    }

    @Test
    void githubNamesFilesFromTheRepositoryRoot() {
        Finding f = ReportsForTests.info();
        Finding absolute = new Finding(f.rule(), f.name(), f.severity(), "/work/repo/ci/p.yml", f.span(), f.message(),
                f.why(), null);
        Finding below = new Finding(f.rule(), f.name(), f.severity(), "p.yml", f.span(), f.message(), f.why(), null);
        Report r = new Report("1", List.of(absolute, below), List.of(), java.util.Map.of(), List.of(), null,
                Path.of("/work/repo/ci"), Path.of("/work/repo"));
        String out = new GithubFormatter().format(r);
        assertTrue(out.startsWith("::notice file=ci/p.yml,line=2,"), out);
        assertTrue(out.contains("\n::notice file=ci/p.yml,line=2,"), out);
    }

    @Test
    void githubPrintsNothingForACleanRun() {
        assertEquals("", new GithubFormatter().format(ReportsForTests.clean()));
    }

    /** A rule's cell: a link to its page when a documentation address is set, else the offline command. */
    private static String rule(String id, String name) {
        String url = ProjectLinks.ruleDoc(id);
        return url == null ? id + " (`bklint explain " + id + "`)" : "[" + id + "](" + url + " \"" + name + "\")";
    }

    @Test
    void buildkiteAnnotationIsASummaryAndATable() {
        String md = new BuildkiteFormatter().format(ReportsForTests.withFindings());
        assertEquals(""
                + "**bklint**: 3 findings in 2 files: 1 error, 1 warning, 1 info. Run `bklint explain BKnnn` for a "
                + "rule's documentation.\n\n"
                + "| Location | Severity | Rule | Message |\n|---|---|---|---|\n"
                + "| `.buildkite/pipeline.yml:2:5` | info | " + rule("BK504", "pod-security-level") + " | "
                + "Needs the `privileged` level. |\n"
                + "| `.buildkite/pipeline.yml:3:12` | error | " + rule("BK101", "root-image-not-privileged")
                + " | Container `main` runs the rootful image "
                + "`moby/buildkit:v0.32.2`: 100% root, a, b. The daemon needs &lt;privileges&gt; &amp; mounts \\| all "
                + "of them. |\n"
                + "| `.buildkite/pipeline.yml:5:7` | warning | "
                + rule("BK205", "sandbox-off-without-timeout") + " | No timeout.\\\\nSet &lt;timeout_in_minutes&gt; &amp; retry "
                + "\\| or not. |\n",
                md);
    }

    @Test
    void buildkiteAnnotationIsEmptyForACleanRun() {
        assertEquals("", new BuildkiteFormatter().format(ReportsForTests.clean()));
    }

    @Test
    void buildkiteCodeSpansHoldBackticks() {
        assertEquals("``a`b``", BuildkiteFormatter.code("a`b"));
        assertEquals("`` `x ``", BuildkiteFormatter.code("`x"));
        assertFalse(BuildkiteFormatter.cell("x | `<y>`").contains("&lt;y"), "no HTML escaping inside code");
    }
}
