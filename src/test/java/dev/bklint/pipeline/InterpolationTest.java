package dev.bklint.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bklint.pipeline.Interpolation.Kind;
import dev.bklint.pipeline.Interpolation.Token;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The interpolation scanner against the syntax buildkite/interpolate accepts, escapes and rejects. */
class InterpolationTest {

    /** The scanned tokens as "kind name `text` op=arg", compact enough to compare in one line. */
    private static String tokens(String text) {
        StringBuilder b = new StringBuilder();
        for (Token t : Interpolation.scan(text)) {
            if (b.length() > 0) {
                b.append("; ");
            }
            b.append(t.kind() == Kind.VARIABLE ? "var " : "bad ").append(t.name())
                    .append(" `").append(text.substring(t.start(), t.end())).append('`');
            if (t.operator() != null) {
                b.append(' ').append(t.operator()).append('=').append(t.argument());
            }
        }
        return b.toString();
    }

    private static String text(String text, Token t) {
        return text.substring(t.start(), t.end());
    }

    @Test
    void plainAndBracedVariables() {
        assertEquals("var FOO `$FOO`", tokens("echo $FOO"));
        assertEquals("var FOO `${FOO}`", tokens("echo ${FOO}"));
        assertEquals("var FOO `$FOO`; var BAR `$BAR`", tokens("$FOO-$BAR"));
        assertEquals("var FOO_1 `$FOO_1`", tokens("my-$FOO_1.txt"));
        // scanIdentifier needs a letter first (parser.go:327-335): `$_X` is a literal `$` and text.
        assertEquals("", tokens("$_X"));
        assertEquals("var X１ `$X１`", tokens("$X１")); // unicode.IsNumber: a fullwidth digit continues a name
        assertEquals("var A `${A}`; var B `${B}`", tokens("${A}${B}"));
    }

    @Test
    void offsetsAreInsideTheScannedString() {
        Token t = Interpolation.scan("echo ${FOO:-x} done").get(0);
        assertEquals(5, t.start());
        assertEquals(14, t.end());
    }

    @Test
    void greedyNamesStopAtTheFirstNonIdentifierCharacter() {
        // As in TestInterpolateIsntGreedy: `$BUILDKITE_COMMIT_$X` is one name, BUILDKITE_COMMIT_.
        assertEquals("var BUILDKITE_COMMIT_ `$BUILDKITE_COMMIT_`; var X `$X`", tokens("echo test_$BUILDKITE_COMMIT_$X"));
    }

    @Test
    void operators() {
        assertEquals("var VAR `${VAR:-default}` :-=default", tokens("${VAR:-default}"));
        assertEquals("var VAR `${VAR-default}` -=default", tokens("${VAR-default}"));
        assertEquals("var VAR `${VAR?}` ?=", tokens("${VAR?}"));
        assertEquals("var VAR `${VAR:0}` :=0", tokens("${VAR:0}"));
        assertEquals("var VAR `${VAR:0:7}` :=0:7", tokens("${VAR:0:7}"));
        assertEquals("var VAR `${VAR: -7}` := -7", tokens("${VAR: -7}"));
        assertEquals("var VAR `${VAR:+5}` :=+5", tokens("${VAR:+5}")); // Atoi takes a sign
        assertEquals("var VAR `${VAR: 1 : 2 }` := 1 : 2 ", tokens("${VAR: 1 : 2 }"));
        assertEquals("var EMPTY `${EMPTY:--:{}` :-=-:{", tokens("${EMPTY:--:{}}"));
    }

    @Test
    void defaultsAreParsedForNestedExpansions() {
        String s = "${A:-${B:-$C}}";
        List<Token> top = Interpolation.scan(s);
        assertEquals(1, top.size());
        assertEquals(s, text(s, top.get(0)));
        Token b = top.get(0).nested().get(0);
        assertEquals("B", b.name());
        assertEquals("${B:-$C}", text(s, b));
        assertEquals("C", b.nested().get(0).name());
        assertEquals("$C", text(s, b.nested().get(0)));
    }

    @Test
    void requiredMessagesMayHoldBraces() {
        // TestRequiredVariables: `${REQUIRED_VAR?{}}` is the message `{` followed by a literal `}`.
        assertEquals("var REQUIRED_VAR `${REQUIRED_VAR?{}` ?={", tokens("${REQUIRED_VAR?{}}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Do this $$ESCAPE_PARTY", "Do this \\$ESCAPE_PARTY", "Do this $${SUCH_ESCAPE}", "Do this \\${SUCH_ESCAPE}",
        "$(echo hello world)", "testing $(git rev-parse HEAD)", "$(", "$", "cost: 5$", "awk '{print $1}'",
        "exit $?", "echo $@ $# $* $! $-", "kill $$", "echo $$$$", "echo $0", "[ $ -eq 1 ]", "/^v[0-9]+$/",
        "$${!VARNAME}", "$${VAR/a/b}", "{{matrix}} and {{matrix.os}}", "price is $ 5", "\\$(date)",
        "echo $$(( 1 + 2 ))", "$$1", "$${{ matrix.x }}", "plain text with no dollar",
    })
    void literalsAndEscapesAreNotExpansions(String text) {
        assertEquals("", tokens(text), text);
    }

    @Test
    void anEscapedBackslashDoesNotEscapeTheDollarAfterIt() {
        // parser_test: `\\${HELLO_WORLD-blah}` is `\\` then an expansion; `\\\${...}` is `\\` then a literal `$`.
        assertEquals("var HELLO_WORLD `${HELLO_WORLD-blah}` -=blah", tokens("\\\\${HELLO_WORLD-blah}"));
        assertEquals("", tokens("Test \\\\\\${HELLO_WORLD-blah}"));
        assertEquals("var X `$X`", tokens("$$$X"));
    }

    @Test
    void escapesInsideDefaults() {
        assertEquals("var A `${A:-$$B}` :-=$$B", tokens("${A:-$$B}"));
        assertTrue(Interpolation.scan("${A:-$$B}").get(0).nested().isEmpty());
        assertEquals("var A `${A:-$(pwd)}` :-=$(pwd)", tokens("${A:-$(pwd)}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "${}", "${1abc}", "${!VARNAME}", "${#ARRAY}", "${ VAR}", "${a.b}", "${VAR/a/b}", "${VAR^^}", "${VAR,,}",
        "${VAR:+alt}", "${VAR:x}", "${VAR:1:x}", "${{ matrix.os }}", "${VAR[0]}",
    })
    void malformedBracesFailTheUpload(String text) {
        List<Token> found = Interpolation.scan(text);
        assertEquals(1, found.size(), text);
        assertEquals(Kind.MALFORMED, found.get(0).kind(), text);
        assertEquals(0, found.get(0).start(), text);
        assertTrue(found.get(0).problem() != null && !found.get(0).problem().isBlank(), text);
    }

    @Test
    void malformedTokensCoverTheBraceTextOnItsLine() {
        String s = "echo ${!NAME} done";
        Token t = Interpolation.scan(s).get(0);
        assertEquals("${!NAME}", text(s, t));
        assertNull(t.name());
        assertEquals("${}", text("${}", Interpolation.scan("${}").get(0)));
        assertEquals("${VAR/a/b}", text("${VAR/a/b}", Interpolation.scan("${VAR/a/b}").get(0)));
        assertEquals("VAR", Interpolation.scan("${VAR/a/b}").get(0).name());
    }

    @Test
    void unclosedBraces() {
        String s = "echo ${VAR\necho next";
        List<Token> found = Interpolation.scan(s);
        assertEquals(1, found.size());
        assertEquals(Kind.MALFORMED, found.get(0).kind());
        assertEquals("${VAR", text(s, found.get(0)));
        assertEquals("Expected an operator, got \\n", found.get(0).problem());
        assertEquals("${", text("a ${", Interpolation.scan("a ${").get(0)));
        assertEquals(Kind.MALFORMED, Interpolation.scan("${VAR:-default").get(0).kind());
        assertEquals(Kind.MALFORMED, Interpolation.scan("${VAR:0").get(0).kind());
        assertEquals(Kind.MALFORMED, Interpolation.scan("${VAR%.*").get(0).kind());
    }

    @Test
    void anErrorInsideADefaultIsReportedWhereItIs() {
        String s = "${A:-${}} then $B";
        List<Token> found = Interpolation.scan(s);
        assertEquals(2, found.size());
        assertEquals(Kind.MALFORMED, found.get(0).kind());
        assertEquals("${}", text(s, found.get(0)));
        assertEquals("var B `$B`", tokens(s).substring(tokens(s).indexOf("var")));
    }

    @Test
    void scanningGoesOnAfterAnError() {
        String s = "${1} $FOO ${a.b} ${BAR}";
        assertEquals("bad null `${1}`; var FOO `$FOO`; bad a `${a.b}`; var BAR `${BAR}`", tokens(s));
    }

    @Test
    void blockCommandsWithMixedForms() {
        String s = "set -eu\n"
                + "tag=$$(git rev-parse --short HEAD)\n"
                + "echo \"$$tag $BUILDKITE_BUILD_NUMBER ${IMAGE:-web}\"\n"
                + "awk '{print $$1}' file | sort\n";
        List<Token> found = Interpolation.scan(s);
        assertEquals(2, found.size());
        assertEquals("$BUILDKITE_BUILD_NUMBER", text(s, found.get(0)));
        assertEquals("${IMAGE:-web}", text(s, found.get(1)));
    }

    @Test
    void anyTextScansWithoutFailingAndTokensStayInside() {
        java.util.Random random = new java.util.Random(6);
        String alphabet = "$\\{}:-?%#a_1 (\n/!";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int j = random.nextInt(16); j > 0; j--) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = b.toString();
            int last = 0;
            for (Token t : Interpolation.scan(s)) {
                assertTrue(t.start() >= last && t.end() > t.start() && t.end() <= s.length(), s);
                assertEquals('$', s.charAt(t.start()), s);
                last = t.end();
            }
        }
    }

    @Test
    void unicodeLettersStartNames() {
        assertEquals("var Ä `$Ä`", tokens("$Ä"));
        assertEquals("", tokens("$🦀"));
    }

    /** The upstream error of the one malformed token in {@code text}. */
    private static String problem(String text) {
        List<Token> found = Interpolation.scan(text);
        assertEquals(1, found.size(), text);
        assertEquals(Kind.MALFORMED, found.get(0).kind(), text);
        return found.get(0).problem();
    }

    @Test
    void bashPatternOperatorsAreNotOperators() {
        // parser.go:217-228: after the name only `}`, `:`, `?` and `-`; anything else is this error.
        assertEquals("Expected an operator, got %", problem("${BUILDKITE_BRANCH%%/*}"));
        assertEquals("Expected an operator, got %", problem("${VERSION%.*}"));
        assertEquals("Expected an operator, got #", problem("${BUILDKITE_BRANCH#feature/}"));
        assertEquals("Expected an operator, got #", problem("${VERSION##*.}"));
        assertEquals("Expected an operator, got /", problem("${VAR/a/b}"));
        assertEquals("Expected an operator, got +", problem("${VAR+x}"));
        assertEquals("Expected an operator, got \uFFFD", problem("${VAR"));
        assertEquals("${BUILDKITE_BRANCH%%/*}", text("x ${BUILDKITE_BRANCH%%/*} y",
                Interpolation.scan("x ${BUILDKITE_BRANCH%%/*} y").get(0)));
    }

    @Test
    void colonQuestionIsASubstringOffsetAndFails() {
        // parser.go:217-223 reads `:` then not `-` as a substring; parser.go:280-287 fails on the offset `?msg`.
        assertEquals("Unable to parse offset: strconv.Atoi: parsing \"?not set\": invalid syntax",
                problem("${VAR:?not set}"));
        assertEquals("Unable to parse offset: strconv.Atoi: parsing \"+alt\": invalid syntax", problem("${VAR:+alt}"));
        assertEquals("Unable to parse offset: strconv.Atoi: parsing \"\": invalid syntax", problem("${VAR:}"));
        assertEquals("Unable to parse offset: strconv.Atoi: parsing \"99999999999999999999\": value out of range",
                problem("${VAR:99999999999999999999}"));
        assertEquals("Unable to parse length: strconv.Atoi: parsing \"x\": invalid syntax", problem("${VAR:1:x}"));
        assertEquals("Unable to parse length: strconv.Atoi: parsing \"\": invalid syntax", problem("${VAR:0"));
        assertEquals("Expected brace expansion to end with }, got \uFFFD", problem("${VAR:0:1"));
    }

    @Test
    void nameRules() {
        assertEquals("Expected identifier to start with a letter, got _", problem("${_X}"));
        assertEquals("Expected identifier to start with a letter, got 1", problem("${1abc}"));
        assertEquals("Expected identifier to start with a letter, got !", problem("${!VARNAME}"));
        assertEquals("Expected identifier to start with a letter, got }", problem("${}"));
        assertEquals("Expected identifier to start with a letter, got \uFFFD", problem("a ${"));
        assertEquals("var A_1 `${A_1}`", tokens("${A_1}"));
    }

    @Test
    void anUnclosedDefaultFailsAtTheEnd() {
        // parser.go:253-255: the default ran to the end of the text, so no `}` follows.
        assertEquals("Expected brace expansion to end with }, got \uFFFD", problem("${VAR:-default"));
        assertEquals("Expected brace expansion to end with }, got \uFFFD", problem("${VAR?msg"));
    }
}
