package dev.bklint.rules.buildctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bklint.finding.Finding;
import dev.bklint.rules.RuleFindings;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuildctlFlagUnknownTest {

    private static List<Finding> findings(String rule, String flags) {
        return RuleFindings.of(rule, """
                steps:
                  - command: buildctl build --frontend dockerfile.v0 --local context=. --local dockerfile=. %s
                """.formatted(flags));
    }

    @Test
    void aMisspeltFlagGetsTheNearestRealOne() {
        List<Finding> found = findings("BK418", "--ouptut type=image,name=app --import-cahce type=registry,ref=c");
        assertEquals(2, found.size());
        assertTrue(found.get(0).message().contains("did you mean `--output`?"), found.get(0).message());
        assertTrue(found.get(1).message().contains("did you mean `--import-cache`?"), found.get(1).message());
    }

    @Test
    void realGlobalBuildxAndRemovedFlagsAreLeftToTheirRules() {
        assertEquals(List.of(), findings("BK418", "--addr tcp://buildkitd:1234 --proxy-network --no-cache"));
        assertEquals(List.of(), findings("BK418", "--tag app --build-arg A=1 --frontend-opt target=x"));
        assertEquals(List.of(), findings("BK418", "$EXTRA_FLAGS --opt \"${ARGS}\""));
    }

    @Test
    void removedFlagsNameTheirReplacement() {
        List<Finding> found = findings("BK417", "--frontend-opt build-arg:A=1 --export-cache-opt mode=max "
                + "--export-cache type=registry,ref=c");
        assertEquals(2, found.size());
        assertEquals("--opt build-arg:A=1", found.get(0).fix().snippet());
        assertEquals("--export-cache type=<type>,mode=max", found.get(1).fix().snippet());
    }

    @Test
    void theBareCacheReferenceIsInfoWithTheTypedForm() {
        List<Finding> found = findings("BK409", "--export-cache registry.example.com/app:cache");
        assertEquals(1, found.size());
        assertEquals(dev.bklint.finding.Severity.INFO, found.get(0).severity());
        assertEquals("--export-cache type=registry,ref=registry.example.com/app:cache", found.get(0).fix().snippet());
        assertEquals(List.of(), findings("BK409", "--export-cache type=registry,ref=registry.example.com/app:cache"));
        String yaml = "steps:\n  - command: buildctl build --import-cache registry.example.com/app:cache\n";
        Finding bare = RuleFindings.of("BK409", yaml).get(0);
        assertEquals("steps:\n  - command: buildctl build --import-cache type=registry,ref=registry.example.com/app:cache\n",
                dev.bklint.report.EditApplier.apply(new dev.bklint.source.SourceFile("pipeline.yml", yaml),
                        bare.fix().edits()), "the edit writes the typed form in place");
        assertEquals(List.of(), findings("BK409", "--import-cache registry.example.com/app:cache,mode=max"),
                "a value with `=` is not a bare reference");
    }
}
