package dev.bklint.rules.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bklint.finding.Finding;
import dev.bklint.rules.RuleFindings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** BK007 names a rule id in a {@code # bklint-ignore} comment that is no bklint rule, even beside one that works. */
class UnusedSuppressionTest {
    private static final String PIPELINE = """
            steps:
              # bklint-ignore %s the log is read in a terminal
              - command: buildctl-daemonless.sh build --frontend dockerfile.v0 --local context=. --local dockerfile=.
                plugins:
                  - kubernetes:
                      podSpec:
                        containers:
                          - name: main
                            image: moby/buildkit:v0.32.2
            """;

    @Test
    void anUnknownIdBesideAUsedOneIsNamed() {
        List<Finding> found = RuleFindings.of("BK007", PIPELINE.formatted("BK404,BK999"));
        assertEquals(1, found.size(), found.toString());
        assertEquals("This `bklint-ignore` names BK999, which is no bklint rule.", found.get(0).message());
        assertEquals(2, found.get(0).span().line());
    }

    @Test
    void aCommentOfUnknownIdsIsNamedOnce() {
        List<Finding> found = RuleFindings.of("BK007", PIPELINE.formatted("BK998, BK999"));
        assertEquals(List.of("This `bklint-ignore` names BK998, BK999, which are no bklint rules."),
                found.stream().map(Finding::message).toList());
    }
}
