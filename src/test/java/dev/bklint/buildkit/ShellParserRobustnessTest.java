package dev.bklint.buildkit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ShellParserRobustnessTest {

    private static final String ALPHABET = "'\"\\$(){}\n\r abcxyzAB=-;|&#`<>\t_0123456789";

    @Test
    void randomInputNeverThrowsAndOffsetsStayInBounds() {
        Random random = new Random(20240611L);
        for (int iteration = 0; iteration < 2000; iteration++) {
            String script = randomScript(random, random.nextInt(201));
            List<SimpleCommand> commands = assertDoesNotThrow(() -> ShellParser.parse(script), script);
            ShellScript shellScript = new ShellScript(script);
            for (SimpleCommand command : commands) {
                assertInBounds(script, command.start(), command.end());
                for (Word word : command.words()) {
                    assertInBounds(script, word.start(), word.end());
                    for (int i = 0; i <= word.value().length(); i++) {
                        int raw = shellScript.rawOffset(word, i);
                        assertTrue(raw >= word.start() && raw <= word.end(), script);
                    }
                }
                for (Assignment assignment : command.assignments()) {
                    assertInBounds(script, assignment.start(), assignment.end());
                    assertTrue(assignment.start() <= assignment.valueStart()
                            && assignment.valueStart() <= assignment.end(), script);
                }
                BuildctlCommand.of(command, shellScript).ifPresent(buildctl -> buildctl.flags().forEach(flag ->
                        assertTrue(flag.valueWord() == null || (flag.valueStart() >= flag.valueWord().start()
                                && flag.valueStart() <= flag.valueWord().end()), script)));
            }
            assertDoesNotThrow(() -> shellScript.valueBefore("A", script.length()));
            assertDoesNotThrow(() -> CsvOptions.parse(script));
        }
    }

    @Test
    void randomBuildctlArgumentsNeverThrow() {
        Random random = new Random(7L);
        for (int iteration = 0; iteration < 2000; iteration++) {
            String script = "buildctl " + randomScript(random, random.nextInt(120));
            assertDoesNotThrow(() -> ShellParser.parse(script).forEach(BuildctlCommand::of), script);
        }
    }

    @Test
    void deeplyNestedInputDoesNotOverflowTheStack() {
        for (String unit : List.of("$(", "\"$(`", "${", "a=(", "<(")) {
            String script = "buildctl build --opt " + unit.repeat(50_000);
            List<SimpleCommand> commands = assertDoesNotThrow(() -> ShellParser.parse(script), unit);
            assertTrue(commands.get(0).words().get(3).end() == script.length(), unit);
        }
    }

    private static String randomScript(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    private static void assertInBounds(String script, int start, int end) {
        assertTrue(0 <= start && start <= end && end <= script.length(),
                () -> "[" + start + "," + end + ") in " + script.length() + ": " + script);
    }
}
