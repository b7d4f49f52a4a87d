package dev.tensorloom.execution.python;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Makes a venv built in a temporary folder correct under its final name before the rename. A venv's
 * interpreter finds its prefix from {@code pyvenv.cfg} beside it and needs no change, but the scripts
 * pip writes ({@code torchrun}, {@code pip}, the activate scripts) hold the absolute folder they were
 * made in; this rewrites that folder to the final one in {@code pyvenv.cfg} and every script.
 */
final class VenvRelocation {
    /** Scripts are small; anything bigger is a binary this does not touch. */
    private static final long MAX_SCRIPT_BYTES = 1 << 20;

    private VenvRelocation() {
    }

    static void retarget(VenvLayout built, VenvLayout destination) throws IOException {
        String from = built.dir().toString();
        String to = destination.dir().toString();
        rewrite(built.dir().resolve("pyvenv.cfg"), from, to);
        try (DirectoryStream<Path> scripts = Files.newDirectoryStream(built.scripts())) {
            for (Path script : scripts) {
                if (Files.isRegularFile(script, LinkOption.NOFOLLOW_LINKS) && Files.size(script) <= MAX_SCRIPT_BYTES) {
                    rewrite(script, from, to);
                }
            }
        }
    }

    private static void rewrite(Path file, String from, String to) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        // ISO-8859-1 maps every byte to one char and back, so non-text bytes survive untouched.
        String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        if (text.contains(from)) {
            Files.write(file, text.replace(from, to).getBytes(StandardCharsets.ISO_8859_1));
        }
    }
}
