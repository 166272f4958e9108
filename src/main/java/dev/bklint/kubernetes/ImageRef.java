package dev.bklint.kubernetes;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A container image reference split into repository, tag and digest. */
public record ImageRef(String text, String repository, String tag, String digest) {
    private static final Pattern VERSION = Pattern.compile("v(\\d{1,9})\\.(\\d{1,9})\\.(\\d{1,9})(-rc\\d+)?(-.*)?");

    public static ImageRef parse(String text) {
        String rest = text.trim();
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        }
        return new ImageRef(text, rest, tag, digest);
    }

    /** The path without a registry host: {@code docker.io/moby/buildkit} → {@code moby/buildkit}. */
    public String path() {
        int slash = repository.indexOf('/');
        if (slash > 0) {
            String first = repository.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                return repository.substring(slash + 1);
            }
        }
        return repository;
    }

    /** Upstream's BuildKit image, with or without a registry or mirror prefix. */
    public boolean isMobyBuildkit() {
        String path = path();
        return path.equals("moby/buildkit") || path.endsWith("/moby/buildkit");
    }

    /**
     * True when the reference is filled in later: upload-time interpolation ({@code $VAR}, {@code ${VAR}}) or a
     * matrix placeholder ({@code {{matrix.x}}}). Its tag cannot be judged as written.
     */
    public boolean isTemplated() {
        return text.contains("$") || text.contains("{{");
    }

    public boolean hasDigest() {
        return digest != null;
    }

    /** The tag the runtime pulls: the written tag, or {@code latest} when neither tag nor digest is given. */
    public String effectiveTag() {
        return tag != null ? tag : digest == null ? "latest" : null;
    }

    /** True when the tag names the rootless variant ({@code rootless}, {@code v0.32.2-rootless}, ...). */
    public boolean isRootlessTag() {
        String t = effectiveTag();
        if (t == null) {
            return false;
        }
        for (String part : t.split("-")) {
            if (part.equals("rootless")) {
                return true;
            }
        }
        return false;
    }

    /** {major, minor, patch} of a {@code vX.Y.Z...} tag, or null. */
    public int[] version() {
        String t = effectiveTag();
        if (t == null) {
            return null;
        }
        Matcher m = VERSION.matcher(t);
        if (!m.matches()) {
            return null;
        }
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
    }

    /** True when pinned to a release at or after {@code major.minor.patch}. */
    public boolean isAtLeast(int major, int minor, int patch) {
        int[] v = version();
        if (v == null) {
            return false;
        }
        if (v[0] != major) {
            return v[0] > major;
        }
        if (v[1] != minor) {
            return v[1] > minor;
        }
        return v[2] >= patch;
    }
}
