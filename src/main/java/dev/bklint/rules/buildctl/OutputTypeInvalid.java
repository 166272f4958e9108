package dev.bklint.rules.buildctl;

import dev.bklint.rules.Headline;
import dev.bklint.buildkit.CsvOptions;
import dev.bklint.buildkit.Flag;
import dev.bklint.buildkit.Invocation;
import dev.bklint.finding.Edit;
import dev.bklint.finding.Fix;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;
import java.util.List;
import java.util.Set;

/** BK405: buildctl's exporters are image, local, tar, oci and docker; {@code registry} is buildx shorthand. */
public final class OutputTypeInvalid implements Rule {
    private static final Set<String> TYPES = Set.of("image", "local", "tar", "oci", "docker");

    @Override
    public void visitBuildctl(Invocation invocation, Reporter reporter) {
        if (!invocation.command().isBuild()) {
            return;
        }
        for (Flag f : invocation.command().flags("output")) {
            if (f.value() == null) {
                continue;
            }
            CsvOptions csv = invocation.command().csv(f);
            String type = csv.get("type");
            if (type == null) {
                reporter.report(invocation.flagSpan(f), Headline.first("`" + f.written() + " " + f.value()
                        + "` has no `type=`.", "The value of `" + f.written() + "` has no `type=`."), "buildctl fails "
                        + "with `--output requires type=<type>`; its exporters are `type=image`, `type=local`, "
                        + "`type=tar`, `type=oci` and `type=docker`.", Fix.describe(
                        "Add a `type=`.", "--output type=image," + f.value()));
            } else if (type.equals("registry")) {
                String fixed = f.value().replaceFirst("type=registry", "type=image") + (csv.has("push") ? "" : ",push=true");
                reporter.report(invocation.valueSpan(f), "`type=registry` is buildx shorthand, which buildctl does "
                        + "not have.", "buildctl has no such exporter and fails with `exporter \"registry\" could not "
                        + "be found`.",
                        new Fix("Write `" + fixed + "`.", fixed, invocation.isPlain(f)
                                ? List.of(new Edit(invocation.valueSpan(f), fixed)) : List.of()));
            } else if (!TYPES.contains(type)) {
                reporter.report(invocation.valueSpan(f), "`type=" + type + "` is not a buildctl exporter.", "The "
                        + "build fails with `exporter \"" + type + "\" could not be found`; buildctl's exporters are "
                        + "image, local, tar, oci and docker.", Fix.describe("Use a buildctl exporter type.", "type=image,name=<image>,push=true"));
            }
        }
    }
}
