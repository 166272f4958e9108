package dev.bklint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bklint.kubernetes.EffectivePod;
import dev.bklint.kubernetes.KubernetesPlugin;
import dev.bklint.kubernetes.PodBuilder;
import dev.bklint.pipeline.CommandStep;
import dev.bklint.pipeline.Pipeline;
import dev.bklint.pipeline.PipelineReader;
import dev.bklint.source.SourceFile;
import dev.bklint.source.Span;
import dev.bklint.yaml.YamlDocument;
import dev.bklint.yaml.YamlLoader;
import dev.bklint.yaml.YamlSyntaxError;
import java.util.List;

/** Builds the model of a pipeline from YAML text, the way the linter does, for unit tests. */
public final class TestPipelines {
    public static final String PATH = "pipeline.yml";

    private TestPipelines() {
    }

    public static SourceFile source(String yaml) {
        return new SourceFile(PATH, yaml);
    }

    /** Every document of the text; a syntax error fails the test. */
    public static List<YamlDocument> documents(String yaml) {
        try {
            return YamlLoader.load(source(yaml));
        } catch (YamlSyntaxError e) {
            throw new AssertionError("unexpected YAML error at " + e.span() + ": " + e.getMessage(), e);
        }
    }

    /** The pipeline of a single-document text. */
    public static Pipeline pipeline(String yaml) {
        List<YamlDocument> docs = documents(yaml);
        assertEquals(1, docs.size(), "documents");
        return PipelineReader.read(docs.get(0));
    }

    public static List<CommandStep> steps(String yaml) {
        return pipeline(yaml).steps();
    }

    /** The only command step of the text. */
    public static CommandStep onlyStep(String yaml) {
        List<CommandStep> steps = steps(yaml);
        assertEquals(1, steps.size(), "command steps");
        return steps.get(0);
    }

    /** The effective pod of the only command step, built from its kubernetes plugin (if any). */
    public static EffectivePod pod(String yaml) {
        CommandStep step = onlyStep(yaml);
        return PodBuilder.build(step, KubernetesPlugin.of(step));
    }

    /** A span in the usual 1-based, end-exclusive form. */
    public static Span span(int line, int column, int endLine, int endColumn) {
        return new Span(line, column, endLine, endColumn);
    }
}
