package dev.bklint.rules.buildctl;

import dev.bklint.rules.Headline;
import dev.bklint.buildkit.Invocation;
import dev.bklint.finding.Edit;
import dev.bklint.finding.Fix;
import dev.bklint.finding.Severity;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;
import java.util.List;
import java.util.Set;

/** BK409: cache exporters and importers that fail, or that quietly do less than written. */
public final class CacheExportInvalid implements Rule {
    private static final Set<String> EXPORTERS = Set.of("registry", "local", "inline", "gha", "s3", "azblob");
    private static final Set<String> IMPORTERS = Set.of("registry", "local", "gha", "s3", "azblob");

    @Override
    public void visitBuildctl(Invocation invocation, Reporter reporter) {
        check(invocation, reporter, "export-cache", EXPORTERS);
        check(invocation, reporter, "import-cache", IMPORTERS);
    }

    private void check(Invocation invocation, Reporter reporter, String flag, Set<String> types) {
        boolean export = flag.equals("export-cache");
        for (Invocation.CsvFlag c : invocation.csvFlags(flag)) {
            var csv = c.options();
            String type = csv.get("type");
            if (!c.flag().value().contains("type=")) {
                // The deprecated `--export-cache <ref>` form still means a registry cache.
                bareReference(invocation, reporter, c, flag);
                continue;
            }
            if (type == null) {
                continue;
            }
            String written = "`--" + flag + " " + c.flag().value() + "`";
            String shortly = "`--" + flag + " type=" + type + "`";
            if (type.equals("gha")) {
                reporter.report(invocation.entrySpan(c.flag(), csv.entry("type")), Headline.first(written
                        + " uses the GitHub Actions cache, which Buildkite does not have.", shortly
                        + " uses the GitHub Actions cache, which Buildkite does not have."),
                        "The GitHub Actions cache needs GitHub's cache service and token (`cache with type gha "
                        + "requires url parameter to be set`); Buildkite has neither.",
                        Fix.describe("Use a registry cache.", "--" + flag + " type=registry,ref=<registry>/<repo>:buildcache"
                                + (export ? ",mode=max" : "")));
            } else if (!export && type.equals("inline")) {
                reporter.report(invocation.entrySpan(c.flag(), csv.entry("type")), Headline.first(written
                        + ": there is no inline cache importer.", shortly + ": there is no inline cache importer."),
                        "BuildKit has none (`unknown cache importer: inline`): inline cache is read from the image, "
                        + "by the registry importer.", Fix.describe("Import inline cache from the image.",
                        "--import-cache type=registry,ref=<registry>/<repo>:<tag>"));
            } else if (!types.contains(type)) {
                String kind = export ? "exporter" : "importer";
                reporter.report(invocation.entrySpan(c.flag(), csv.entry("type")), Headline.first(written + ": `"
                        + type + "` is not a cache " + kind + ".", shortly + ": `" + type + "` is not a cache "
                        + kind + "."), "BuildKit answers `unknown cache " + kind + ": \"" + type + "\"`; the cache "
                        + kind + "s are " + String.join(", ", types.stream().sorted().toList()) + ".",
                        Fix.describe("Use a known cache type.", "type=registry,ref=<registry>/<repo>:buildcache"));
            } else if (type.equals("registry") && !csv.has("ref")) {
                reporter.report(invocation.valueSpan(c.flag()), Headline.first(written + " has no `ref`.", shortly
                        + " has no `ref`."), "The build fails with `registry cache " + (export ? "exporter"
                        : "importer") + " requires ref`.", Fix.describe("Name the cache image.",
                        "--" + flag + " type=registry,ref=<registry>/<repo>:buildcache"));
            }
            String mode = csv.get("mode");
            if (export && mode != null && !mode.equals("min") && !mode.equals("max")) {
                reporter.report(invocation.entrySpan(c.flag(), csv.entry("mode")), "`mode=" + mode + "` in `--"
                        + flag + "` is not a cache mode.", "BuildKit silently treats it as `min`: only the final "
                        + "image's layers are cached, where `mode=max` caches every stage.",
                        Fix.describe("Use `mode=max`.", "mode=max"));
            }
        }
    }

    /**
     * A value without {@code type=} is read as a registry reference and logs a deprecation warning on every build
     * (moby/buildkit@73ed6825c4b7 cmd/buildctl/build/exportcache.go:50-60, importcache.go:47-54). A value with
     * {@code =} in it is not a plain reference and is left alone.
     */
    private static void bareReference(Invocation invocation, Reporter reporter, Invocation.CsvFlag c, String flag) {
        String ref = c.flag().value();
        if (ref.isEmpty() || ref.contains("=") || ref.contains("$")) {
            return;
        }
        String written = "`--" + flag + " " + ref + "`";
        String replacement = "type=registry,ref=" + ref;
        reporter.report(Severity.INFO, invocation.valueSpan(c.flag()), Headline.first(written
                + " is the deprecated bare-reference form of a registry cache.", "`--" + flag
                + " <ref>` is the deprecated bare-reference form of a registry cache."),
                "buildctl still reads it as `type=registry,ref=<ref>` but logs `--" + flag + " <ref> is deprecated` "
                + "on every build; the form has been deprecated since BuildKit v0.4.0.",
                new Fix("Write `--" + flag + " " + replacement + "`.", "--" + flag + " " + replacement,
                        invocation.isPlain(c.flag()) ? List.of(new Edit(invocation.valueSpan(c.flag()), replacement))
                                : List.of()));
    }
}
