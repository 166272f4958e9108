package dev.bklint.lsp;

import dev.bklint.finding.Finding;
import dev.bklint.finding.Severity;
import dev.bklint.report.SafeText;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/** A finding as the editor shows it: its range, severity, rule id and text (headline, then why). */
final class Diagnostics {
    static final String SOURCE = "bklint";

    private Diagnostics() {
    }

    static Diagnostic of(Finding f) {
        Diagnostic d = new Diagnostic(Positions.range(f.span()), SafeText.visible(f.text()), severity(f.severity()),
                SOURCE);
        d.setCode(Either.forLeft(f.rule()));
        return d;
    }

    static Diagnostic of(DocumentLinter.Problem e) {
        return new Diagnostic(Positions.range(e.span()), SafeText.visible(e.message()), DiagnosticSeverity.Error,
                SOURCE);
    }

    private static DiagnosticSeverity severity(Severity s) {
        return switch (s) {
            case ERROR -> DiagnosticSeverity.Error;
            case WARNING -> DiagnosticSeverity.Warning;
            case INFO -> DiagnosticSeverity.Information;
        };
    }
}
