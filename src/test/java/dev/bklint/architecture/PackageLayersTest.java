package dev.bklint.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Packages depend one way, each only on those below it: a back-edge (a model class reaching for a rule, a rule for
 * the engine, the engine for a report format) fails here with the classes that make it.
 */
class PackageLayersTest {
    /** Bottom first: text and source know nothing of bklint; the command line knows everything. */
    static final List<String> ORDER = List.of("text", "source", "finding", "yaml", "suppression", "pipeline", "schema",
            "kubernetes", "buildkit", "dockerfile", "config", "rules", "engine", "report", "fix", "diagnose", "lsp",
            "cli");

    /** bklint's own classes (the compiled main sources: no tests, no jars), read once. */
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("dev.bklint");

    @TestFactory
    List<DynamicTest> eachPackageDependsOnlyOnThoseBelowIt() {
        return ORDER.stream().map(layer -> DynamicTest.dynamicTest(layer, () -> {
            String[] above = ORDER.subList(ORDER.indexOf(layer) + 1, ORDER.size()).stream()
                    .map(p -> "dev.bklint." + p + "..").toArray(String[]::new);
            if (above.length == 0) {
                return;
            }
            noClasses().that().resideInAPackage("dev.bklint." + layer + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(above)
                    .because("packages depend one way: " + String.join(" <- ", ORDER))
                    .check(CLASSES);
        })).toList();
    }

    @TestFactory
    List<DynamicTest> everyPackageHasAPlaceInTheOrder() {
        return CLASSES.stream().map(c -> c.getPackageName()).filter(p -> !p.startsWith("dev.bklint.build"))
                .distinct().sorted().map(p -> DynamicTest.dynamicTest(p, () -> {
                    String top = p.equals("dev.bklint") ? "" : p.substring("dev.bklint.".length()).split("\\.")[0];
                    if (!ORDER.contains(top)) {
                        throw new AssertionError(p + " is in no layer of PackageLayersTest.ORDER");
                    }
                })).toList();
    }
}
