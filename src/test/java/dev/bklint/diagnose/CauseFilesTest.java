package dev.bklint.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bklint.rules.RuleRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every cause file is valid, listed in the index, and its test lines match (or do not match) as it says. */
class CauseFilesTest {
    private static final Path FOLDER = Path.of("src/main/resources/dev/bklint/diagnose/causes");

    static List<Cause> causes() {
        return CauseCatalog.get().causes();
    }

    @Test
    void indexListsExactlyTheFilesOfTheFolderSorted() throws IOException {
        List<String> onDisk;
        try (Stream<Path> files = Files.list(FOLDER)) {
            onDisk = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList();
        }
        assertFalse(onDisk.isEmpty());
        assertEquals(onDisk, CauseCatalog.get().files());
        assertEquals(onDisk.size(), causes().size(), "two files with one id");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("causes")
    void eachMatchTestLineMatchesAndEachNoMatchLineDoesNot(Cause c) {
        for (String line : c.matchTests()) {
            assertTrue(c.matches(LogReader.normalise(line)), c.id() + " should match: " + line);
        }
        for (String line : c.noMatchTests()) {
            assertFalse(c.matches(LogReader.normalise(line)), c.id() + " should not match: " + line);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("causes")
    void ruleIsOneBklintHas(Cause c) {
        if (c.hasRule()) {
            assertNotNull(RuleRegistry.get().find(c.rule()), c.id() + " names rule " + c.rule());
        }
    }

    private static final String VALID = """
            id: x-cause
            title: A title
            role: cause
            priority: 500
            rule: none
            patterns:
              - 'abc'
            why: w
            fix: f
            sources:
              - https://example.org/a
            tests:
              match:
                - 'abc'
            """;

    @Test
    void aValidFileParses() {
        Cause c = CauseCatalog.parse("x-cause.yaml", VALID);
        assertEquals("x-cause", c.id());
        assertTrue(c.supersedes().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"unknown field `colour`", "missing field `why`", "must be lower-case words",
        "role must be one of", "pattern `(a+)+` repeats", "pattern `(.*)*x` repeats", "does not compile",
        "priority must be"})
    void aBrokenFileIsAnErrorNamingTheFile(String message) {
        String text = switch (message) {
            case "unknown field `colour`" -> VALID + "colour: red\n";
            case "missing field `why`" -> VALID.replace("why: w\n", "");
            case "must be lower-case words" -> VALID.replace("id: x-cause", "id: y-cause");
            case "role must be one of" -> VALID.replace("role: cause", "role: headline");
            case "pattern `(a+)+` repeats" -> VALID.replace("'abc'\nwhy", "'(a+)+'\nwhy");
            case "pattern `(.*)*x` repeats" -> VALID.replace("'abc'\nwhy", "'(.*)*x'\nwhy");
            case "does not compile" -> VALID.replace("'abc'\nwhy", "'a(bc'\nwhy");
            default -> VALID.replace("priority: 500", "priority: high");
        };
        CauseCatalog.CauseFileError e = assertThrows(CauseCatalog.CauseFileError.class,
                () -> CauseCatalog.parse("x-cause.yaml", text));
        assertTrue(e.getMessage().startsWith("cause file x-cause.yaml: "), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
