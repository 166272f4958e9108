package dev.bklint.finding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bklint.source.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Shortening a finding's texts changes only the texts. */
class ReportLimitsTest {
    @Test
    void aShortenedFindingKeepsWhereItsTextIsUsed() {
        List<Span> uses = List.of(Span.point(21, 20), Span.point(27, 20));
        Finding f = new Finding("BK101", "root-image-not-privileged", Severity.ERROR, "p.yml", Span.point(8, 21),
                "x".repeat(ReportLimits.MAX_MESSAGE + 1), "y".repeat(ReportLimits.MAX_MESSAGE + 1), null, uses);
        Finding shortened = ReportLimits.shortened(f);
        assertTrue(shortened.message().length() <= ReportLimits.MAX_MESSAGE, "the headline is cut");
        assertTrue(shortened.why().length() <= ReportLimits.MAX_MESSAGE, "the why is cut");
        assertEquals(uses, shortened.uses(), "SARIF's related locations come from these");
    }
}
