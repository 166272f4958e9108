package dev.bklint.lsp;

import dev.bklint.finding.Finding;
import dev.bklint.source.SourceFile;
import dev.bklint.source.Span;
import java.util.List;

/**
 * Lints one open document's current text, with the options that apply where the document lives (its workspace
 * folder's configuration file). The command line supplies it, since options are assembled there.
 */
public interface DocumentLinter {
    /**
     * What linting one version of a document gave: its findings; {@code errors} in the document that are not
     * findings (a configuration file's own mistakes); {@code problem}, a one-line note about something else (the
     * configuration that applies to this document is broken), or null.
     */
    record Outcome(SourceFile source, List<Finding> findings, List<Problem> errors, String problem) {
        public Outcome {
            findings = List.copyOf(findings);
            errors = List.copyOf(errors);
        }
    }

    /** A mistake in the document at {@code span} that no rule reports. */
    record Problem(Span span, String message) {
    }

    /** Lints {@code text}, the content of the document at {@code uri}; never throws for any text. */
    Outcome lint(String uri, String text);

    /**
     * {@code text} with every safe fix applied, as {@code bklint --fix} would write it (merged edits, re-linted to a
     * fixed point, refused when the result would not parse); null when nothing would change or the fix is refused.
     */
    String fixAll(String uri, String text);
}
