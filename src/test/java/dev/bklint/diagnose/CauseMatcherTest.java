package dev.bklint.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bklint.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The fast matcher answers exactly what running every pattern's {@code find()} answers, and no pattern can hold a line
 * for longer than its budget.
 */
class CauseMatcherTest {
    private static final List<Cause> CAUSES = CauseCatalog.get().causes();
    /** The shared samples, wherever this checkout sits beside them; tests still run from a lone clone. */
    private static final List<Path> SHARED = List.of(Path.of("../shared/diagnose-samples"),
            Path.of("../../shared/diagnose-samples"));

    /** What the matcher must equal: every pattern of every cause, find() on the whole line, no prefilter. */
    private static List<Cause> naive(String text) {
        return CAUSES.stream().filter(c -> c.matches(text)).toList();
    }

    /** Every cause's in-band lines, every fixture log line and every shared sample line, normalised. */
    private static List<String> realLines() throws IOException {
        List<String> lines = new ArrayList<>();
        for (Cause c : CAUSES) {
            c.matchTests().forEach(l -> lines.add(LogReader.normalise(l)));
            c.noMatchTests().forEach(l -> lines.add(LogReader.normalise(l)));
        }
        List<Path> folders = new ArrayList<>(List.of(Fixtures.DIAGNOSE));
        SHARED.stream().filter(Files::isDirectory).findFirst().ifPresent(folders::add);
        for (Path folder : folders) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path log : files.filter(p -> p.toString().endsWith(".log")).sorted().toList()) {
                    String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
                    text.lines().forEach(l -> lines.add(LogReader.normalise(l)));
                }
            }
        }
        return lines;
    }

    @Test
    void answersWhatEveryPatternsFindAnswersOnRealLines() throws IOException {
        CauseMatcher fast = new CauseMatcher(CAUSES);
        List<String> lines = realLines();
        int matched = 0;
        for (String line : lines) {
            List<Cause> expected = naive(line);
            assertEquals(expected, fast.matching(line), line);
            matched += expected.isEmpty() ? 0 : 1;
        }
        // Every cause has at least one match line, so a matcher that finds nothing could not pass above.
        assertTrue(matched >= CAUSES.size(), matched + " of " + lines.size());
        assertEquals(List.of(), fast.notes());
    }

    @Test
    void answersWhatEveryPatternsFindAnswersOnMutatedLines() throws IOException {
        CauseMatcher fast = new CauseMatcher(CAUSES);
        List<String> seeds = realLines();
        Random random = new Random(20_261_206);
        int matched = 0;
        int unmatched = 0;
        for (int k = 0; k < 8_000; k++) {
            String line = mutate(seeds, random);
            List<Cause> expected = naive(line);
            assertEquals(expected, fast.matching(line), line);
            if (expected.isEmpty()) {
                unmatched++;
            } else {
                matched++;
            }
        }
        // Both answers must be common, or the comparison proves little.
        assertTrue(matched > 1_000 && unmatched > 1_000, matched + " matched, " + unmatched + " not");
    }

    /** A seed line changed the ways that break or keep a literal: cut, doubled, joined, a character changed. */
    private static String mutate(List<String> seeds, Random random) {
        String s = seeds.get(random.nextInt(seeds.size()));
        int steps = random.nextInt(4);
        for (int k = 0; k < steps; k++) {
            int at = s.isEmpty() ? 0 : random.nextInt(s.length());
            String ch = String.valueOf("aZ :/\"()[]{}-_.\\\n\t0é🚨\u001B".charAt(random.nextInt(20)));
            s = switch (random.nextInt(8)) {
                case 0 -> s.substring(0, at) + s.substring(Math.min(s.length(), at + 1));
                case 1 -> s.substring(0, at) + ch + s.substring(at);
                case 2 -> s.substring(at);
                case 3 -> s + " " + seeds.get(random.nextInt(seeds.size()));
                case 4 -> s.substring(0, at) + s.substring(at).toUpperCase(java.util.Locale.ROOT);
                case 5 -> s.substring(0, at) + s.substring(at, Math.min(s.length(), at + 5)) + s.substring(at);
                case 6 -> "x".repeat(random.nextInt(40)) + s;
                default -> s.substring(0, at);
            };
        }
        return s;
    }

    @Test
    void everyCataloguePatternHasALiteralSoNoneRunsOnEveryLine() {
        for (Cause c : CAUSES) {
            for (Pattern p : c.patterns()) {
                assertNotNull(RequiredLiteral.of(p), c.id() + ": `" + p + "` runs on every line; give it literal text");
            }
        }
    }

    @Test
    void literalsAreOnlyWhatEveryMatchMustHold() {
        assertEquals(List.of("a", "b"), literals("a|b"));
        assertEquals(List.of("bcd"), literals("a{2}bcd"));
        assertEquals(List.of("foo.bar"), literals("x?foo\\.bar"));
        assertEquals(List.of("abc"), literals("\\d+abc"));
        assertEquals(List.of("def"), literals("(a|bc)+def"));
        assertEquals(List.of("ef"), literals("(?:ab|cd)ef"));
        assertEquals(List.of("ab", "cd"), literals("x(?:ab|cd)y"));
        assertEquals(List.of("space"), literals("(?<!no )space"));
        assertEquals(List.of("[rootlesskit:child"), literals("\\[rootlesskit:child ?"));
        assertEquals(List.of("tail"), literals("(?<name>a+)tail"));
        assertNull(literals("(?i)abc"), "case-insensitive");
        assertNull(literals("a(?i:b)c"), "flags inside a group");
        assertNull(literals("\\Qa.b\\E"));
        assertNull(literals("x|\\d+"), "one branch has no literal");
        assertNull(literals("(?:abc)?"));
        assertNull(literals("[]a]bcd"), "a leading ] is not guessed at");
        assertNull(literals("😀?x"), "a quantifier after an astral character");
        assertNull(RequiredLiteral.of(Pattern.compile("abc", Pattern.CASE_INSENSITIVE)));
    }

    private static List<String> literals(String regex) {
        return RequiredLiteral.of(Pattern.compile(regex));
    }

    @Test
    void aScannerFindsOverlappingAndNestedLiterals() {
        LiteralScanner scanner = new LiteralScanner(List.of("he", "she", "hers", "é🚨x", "his"));
        assertEquals(Set.of(0, 1, 2), ids(scanner.find("ushers")));
        assertEquals(Set.of(3), ids(scanner.find("aé🚨x")));
        assertEquals(Set.of(), ids(scanner.find("é🚨 x hi s")));
    }

    private static Set<Integer> ids(int[] found) {
        return Set.copyOf(java.util.Arrays.stream(found).boxed().toList());
    }

    private static Cause cause(String id, String regex) {
        return new Cause(id, "t", "cause", 500, "none", List.of(Pattern.compile(regex)), Set.of(), List.of(),
                List.of(), null, List.of(), "w", "", "f", List.of("https://example.org"), List.of("x"), List.of());
    }

    @Test
    void aQuadraticPatternOnAHostileLineGivesUpAsNoMatchAndIsNotedOnce() {
        // Each start of `.*a.*b` reads to the end of the line and back for every a: cubic on a line of a's.
        CauseMatcher matcher = new CauseMatcher(List.of(cause("slow", ".*a.*b"), cause("plain", "aaaa")));
        String hostile = "a".repeat(LogReader.LINE_CAP);
        long start = System.nanoTime();
        assertEquals(List.of("plain"), matcher.matching(hostile).stream().map(Cause::id).toList());
        assertEquals(List.of("plain"), matcher.matching(hostile).stream().map(Cause::id).toList());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 5_000, millis + " ms");
        assertEquals(List.of("pattern `.*a.*b` took too long on 2 lines; it counts as not matching there"),
                matcher.notes());
        // On an ordinary line the same pattern still matches.
        assertEquals(List.of("slow"), matcher.matching("xx a yy b").stream().map(Cause::id).toList());
    }

    @Test
    void aPolynomialPatternThatPassesTheCatalogueCheckStillStops() {
        // A bounded repeat of an unbounded group passes NestedQuantifiers, yet reads some n^12 characters: without
        // the budget this line of 30 characters takes over ten seconds. (It holds a b, or the literal prefilter would
        // rule it out before the regex runs.)
        String regex = "(.*a){12}b";
        assertFalse(NestedQuantifiers.find(regex));
        CauseMatcher matcher = new CauseMatcher(List.of(cause("polynomial", regex)));
        long start = System.nanoTime();
        assertEquals(List.of(), matcher.matching("a".repeat(28) + " b"));
        assertTrue((System.nanoTime() - start) / 1_000_000 < 5_000);
        assertEquals(1, matcher.notes().size());
    }

    @Test
    void theCataloguesPatternsStayFarInsideTheirBudget() throws IOException {
        // The budget must never cut a real match short: measure the reads each pattern needs on real lines.
        double worst = 0;
        String where = "";
        for (String line : realLines()) {
            for (Cause c : CAUSES) {
                for (Pattern p : c.patterns()) {
                    BoundedText text = new BoundedText(line, Long.MAX_VALUE);
                    p.matcher(text).find();
                    double perChar = (double) text.spent() / Math.max(1, line.length());
                    if (text.spent() > CauseMatcher.STEPS_BASE / 4 && perChar > worst) {
                        worst = perChar;
                        where = p + " on " + line;
                    }
                }
            }
        }
        assertTrue(worst < CauseMatcher.STEPS_PER_CHAR / 4.0, worst + " reads per character: " + where);
    }
}
