package dev.bklint.fuzz;

import dev.bklint.engine.FileResult;
import dev.bklint.engine.Linter;
import dev.bklint.finding.Finding;
import dev.bklint.rules.Options;
import dev.bklint.rules.RuleRegistry;
import dev.bklint.source.InputError;
import dev.bklint.source.SourceFile;
import dev.bklint.source.SourceReader;
import java.io.ByteArrayInputStream;

/**
 * The property both the fuzzer and the seed replay check: from any bytes, bklint gives findings or an input error,
 * never an exception, and every finding in the file lies inside it.
 */
final class BytesToFindings {
    private static final Linter LINTER = new Linter(RuleRegistry.get(), Options.defaults());

    private BytesToFindings() {
    }

    static void check(byte[] data) {
        SourceFile source;
        try {
            source = SourceReader.read(new ByteArrayInputStream(data), "fuzz.yml");
        } catch (InputError e) {
            return;
        }
        FileResult result = LINTER.lint(source);
        for (Finding f : result.findings()) {
            if (f.path().equals("fuzz.yml") && (f.span().line() < 1 || f.span().line() > source.lineCount()
                    || f.span().column() < 1)) {
                throw new IllegalStateException("position outside the file: " + f);
            }
        }
    }
}
