package dev.bklint.buildkit;

import dev.bklint.kubernetes.ImageRef;
import java.util.Locale;

/** What a BuildKit image's reference says about its user: the rootless or the rootful variant. */
public enum ImageFlavor {
    ROOTFUL, ROOTLESS, UNKNOWN;

    /**
     * Only the tag's {@code rootless} token tells the variants apart; a digest alone says nothing, nor does an
     * image that is not BuildKit's.
     */
    public static ImageFlavor of(ImageRef ref) {
        if (ref == null || !looksLikeBuildkit(ref) || ref.effectiveTag() == null) {
            return UNKNOWN;
        }
        if (ref.isRootlessTag()) {
            return ROOTLESS;
        }
        // An interpolated tag may still turn out to be a rootless one.
        return ref.isMobyBuildkit() && !ref.isTemplated() ? ROOTFUL : UNKNOWN;
    }

    public static boolean looksLikeBuildkit(ImageRef ref) {
        return ref.isMobyBuildkit() || ref.path().toLowerCase(Locale.ROOT).contains("buildkit");
    }
}
