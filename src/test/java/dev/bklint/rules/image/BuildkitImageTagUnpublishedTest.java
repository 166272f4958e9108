package dev.bklint.rules.image;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** BK108's scheme: every tag the image workflow and the manually dispatched buildx-image workflow push. */
class BuildkitImageTagUnpublishedTest {
    @ParameterizedTest
    @ValueSource(strings = {"v0.32.2", "v0.32.2-rootless", "v0.32.2-ubuntu", "v0.33.0-rc1-rootless", "latest",
        "rootless", "latest-ubuntu", "master-rootless", "nightly-ubuntu", "buildx-stable-1",
        "buildx-stable-1-rootless", "buildx-stable-1-gpu"})
    void publishedTags(String tag) {
        assertTrue(BuildkitImageTagUnpublished.PUBLISHED.matcher(tag).matches(), tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {"latest-rootless", "buildx-stable-1-ubuntu", "buildx-stable-2", "0.32.2", "v0.32"})
    void unpublishedTags(String tag) {
        assertFalse(BuildkitImageTagUnpublished.PUBLISHED.matcher(tag).matches(), tag);
    }
}
