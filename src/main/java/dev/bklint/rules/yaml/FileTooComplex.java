package dev.bklint.rules.yaml;

import dev.bklint.rules.Headline;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;
import dev.bklint.yaml.YamlSyntaxError;

/**
 * BK009: the file is YAML, but its nesting or its alias copies go past the bounds bklint keeps to so that linting
 * stays linear in the size of the file; nothing in it was linted.
 */
public final class FileTooComplex implements Rule {
    @Override
    public void visitSyntaxError(YamlSyntaxError error, Reporter reporter) {
        if (!error.overLimit()) {
            return;
        }
        String problem = error.getMessage();
        String headline = "bklint did not lint this file: " + problem + ".";
        String inFull = "";
        if (!Headline.fits(headline)) {
            // "aliases copy 23,441 nodes, more than 10,000 (20 per node written, ...)": the count, then the bound
            int paren = problem.indexOf(" (");
            headline = Headline.first(paren > 0 ? "bklint did not lint this file: " + problem.substring(0, paren) + "."
                    : headline, "bklint did not lint this file: it goes past bklint's bounds on nesting or aliases.");
            inFull = "In full: " + problem + ". ";
        }
        reporter.report(error.span(), headline, inFull + "That is bklint's own bound on the work one file may cause, "
                + "not a YAML error, so none of the file's steps were checked; write the repeated parts out, or use "
                + "fewer aliases or less nesting.", null);
    }
}
