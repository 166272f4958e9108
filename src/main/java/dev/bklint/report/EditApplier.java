package dev.bklint.report;

import dev.bklint.finding.Edit;
import dev.bklint.source.SourceFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/** Applies edits to a file's text, last first so that earlier positions stay valid; overlapping edits are refused. */
public final class EditApplier {
    private EditApplier() {
    }

    public static String apply(SourceFile source, List<Edit> edits) {
        // Findings in content shared through an anchor carry the same edit once per use: apply it once.
        List<Edit> sorted = new ArrayList<>(new LinkedHashSet<>(edits));
        sorted.sort(Comparator.comparing(Edit::range).reversed());
        StringBuilder text = new StringBuilder(source.text());
        int limit = Integer.MAX_VALUE;
        for (Edit e : sorted) {
            int start = source.offset(e.range().line(), e.range().column());
            int end = source.offset(e.range().endLine(), e.range().endColumn());
            if (end > limit || start > end) {
                throw new IllegalArgumentException("overlapping edits at line " + e.range().line());
            }
            text.replace(start, end, e.text());
            limit = start;
        }
        return text.toString();
    }
}
