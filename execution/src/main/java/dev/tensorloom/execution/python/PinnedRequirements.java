package dev.tensorloom.execution.python;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The pinned requirements file ({@code dev/tensorloom/python/requirements.txt}): the exact versions
 * that the tests' venv, the benchmarks and every user's managed environment install.
 */
public record PinnedRequirements(String text, List<Pin> pins) {
    /** The resource path of the one requirements file. */
    public static final String RESOURCE = "/dev/tensorloom/python/requirements.txt";

    /** The packages Tensorloom itself imports (the rest of the file is what they pull in). */
    public static final List<String> KEY_PACKAGES =
            List.of("torch", "numpy", "safetensors", "onnx", "onnxruntime", "onnxscript");

    private static final PinnedRequirements BUNDLED = load();

    /** One {@code name==version} line. */
    public record Pin(String name, String version) {
        /**
         * Whether an installed version satisfies this pin. As in PEP 440, a pin without a local label
         * accepts any local build of that release: {@code torch==2.13.0} accepts {@code 2.13.0+cpu}.
         */
        public boolean acceptsInstalled(String installed) {
            return installed != null && (installed.equals(version) || installed.startsWith(version + "+"));
        }

        /** The name as pip and importlib.metadata compare it (PEP 503: lower case, runs of -_. as -). */
        public String normalizedName() {
            return normalize(name);
        }
    }

    public PinnedRequirements {
        pins = List.copyOf(pins);
    }

    /** The requirements file shipped with this build. */
    public static PinnedRequirements bundled() {
        return BUNDLED;
    }

    /** Parses a requirements text of {@code name==version} lines, comments and blank lines. */
    public static PinnedRequirements parse(String text) {
        List<Pin> pins = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].replaceFirst("#.*", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf("==");
            if (eq <= 0 || line.indexOf("==", eq + 2) >= 0 || line.substring(eq + 2).isBlank()) {
                throw new IllegalArgumentException("requirements.txt:" + (i + 1) + ": expected name==version, got '"
                        + line + "'");
            }
            pins.add(new Pin(line.substring(0, eq).strip(), line.substring(eq + 2).strip()));
        }
        return new PinnedRequirements(text, pins);
    }

    /** The pin of a package, by any spelling of its name. */
    public Pin pin(String name) {
        String wanted = normalize(name);
        return pins.stream().filter(p -> p.normalizedName().equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no pin for " + name));
    }

    /** SHA-256 of the text, written into a finished managed environment. */
    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String normalize(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
    }

    private static PinnedRequirements load() {
        try (InputStream in = PinnedRequirements.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
