package dev.bklint.rules.buildctl;

import dev.bklint.buildkit.CsvOptions;
import dev.bklint.buildkit.Invocation;
import dev.bklint.finding.Edit;
import dev.bklint.finding.Fix;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;
import dev.bklint.text.Suggestions;
import java.util.List;
import java.util.Set;

/** BK411: the image exporter stores keys it does not know as metadata, so a typo such as {@code pushh} passes. */
public final class ImageExporterUnknownKey implements Rule {
    /**
     * Keys of the image exporter (exporter/containerimage/exptypes/keys.go, exporter/exptypes/keys.go and the README's
     * image output section). {@code danging-name-empty-only} is upstream's spelling (sic): the exporter matches
     * exactly that.
     */
    static final Set<String> KEYS = Set.of(
            "type", "name", "push", "push-by-digest", "registry.insecure", "insecure", "unpack", "store",
            "oci-mediatypes", "oci-artifact", "dangling-name-prefix", "danging-name-empty-only", "name-canonical",
            "compression", "compression-level", "force-compression", "rewrite-timestamp", "attestation-inline",
            "prefer-nondist-layers", "buildinfo", "buildinfo-attrs", "attestation-prefix", "source-date-epoch");

    @Override
    public void visitBuildctl(Invocation invocation, Reporter reporter) {
        for (Invocation.CsvFlag out : invocation.csvFlags("output")) {
            if (!"image".equals(out.options().get("type"))) {
                continue;
            }
            for (CsvOptions.Entry e : out.options().entries()) {
                if (KEYS.contains(e.key()) || e.key().startsWith("annotation")) {
                    continue;
                }
                String suggestion = Suggestions.closest(e.key(), KEYS);
                var span = invocation.entrySpan(out.flag(), e);
                Fix fix = suggestion == null ? Fix.describe("Remove or correct `" + e.key() + "`.", null)
                        : new Fix("Write `" + suggestion + "`.", suggestion + (e.value() == null ? "" : "=" + e.value()),
                        invocation.isPlain(out.flag()) ? List.of(new Edit(span, suggestion
                                + (e.value() == null ? "" : "=" + e.value()))) : List.of());
                reporter.report(span, "`" + e.key() + "` is not an option of the image exporter.", "It does not "
                        + "fail: BuildKit keeps unknown keys as metadata and ignores them, so the setting silently "
                        + "does nothing.", fix);
            }
        }
    }
}
