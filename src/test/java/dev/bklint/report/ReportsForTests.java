package dev.bklint.report;

import dev.bklint.finding.Finding;
import dev.bklint.finding.Fix;
import dev.bklint.finding.Edit;
import dev.bklint.finding.Severity;
import dev.bklint.rules.RuleRegistry;
import dev.bklint.source.SourceFile;
import dev.bklint.source.Span;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** Small reports built by hand, so that formatter tests can assert exact output. */
final class ReportsForTests {
    static final Path ROOT = Path.of("/work/repo");
    static final String PIPELINE = ".buildkite/pipeline.yml";
    static final String CLEAN = ".buildkite/clean.yml";
    static final String TEXT = String.join("\n",
            "steps:",
            "  - label: build",
            "    image: moby/buildkit:v0.32.2",
            "    command: |",
            "      buildctl-daemonless.sh build \\",
            "        --frontend dockerfile.v0",
            "") ;

    private ReportsForTests() {
    }

    static Finding error() {
        Fix fix = new Fix("Set `privileged: true`.", "securityContext:\n  privileged: true",
                List.of(new Edit(new Span(3, 12, 3, 33), "moby/buildkit:v0.32.2-rootless")));
        return new Finding("BK101", "root-image-not-privileged", Severity.ERROR, PIPELINE, new Span(3, 12, 3, 33),
                "Container `main` runs the rootful image `moby/buildkit:v0.32.2`: 100% root, a, b.",
                "The daemon needs <privileges> & mounts | all of them.", fix);
    }

    static Finding multiLineWarning() {
        return new Finding("BK205", "sandbox-off-without-timeout", Severity.WARNING, PIPELINE, new Span(5, 7, 6, 33),
                "No timeout.\nSet <timeout_in_minutes> & retry | or not.", "", null);
    }

    static Finding info() {
        return new Finding("BK504", "pod-security-level", Severity.INFO, PIPELINE, Span.point(2, 5),
                "Needs the `privileged` level.", "", null);
    }

    static Report report(List<Finding> findings, Severity failOn) {
        Map<String, SourceFile> sources = new LinkedHashMap<>();
        sources.put(PIPELINE, new SourceFile(PIPELINE, TEXT));
        sources.put(CLEAN, new SourceFile(CLEAN, "steps:\n  - command: echo hi\n"));
        return new Report("1.2.3", findings, List.of(), sources, RuleRegistry.get().metas(), failOn, ROOT, ROOT);
    }

    static Report withFindings() {
        return report(List.of(info(), error(), multiLineWarning()), Severity.WARNING);
    }

    static Report clean() {
        return report(List.of(), Severity.WARNING);
    }

    static Document parseXml(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }
}
