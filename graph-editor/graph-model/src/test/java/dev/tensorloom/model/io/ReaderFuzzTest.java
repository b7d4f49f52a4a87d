package dev.tensorloom.model.io;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random damage to a valid file: the reader returns a project or a named error, never anything else. */
class ReaderFuzzTest {
    private static final String[] JUNK = {"null", "true", "[]", "{}", "\"x\"", "-1", "1e999", "0.5", "{\"a\":",
        "\"formatVersion\": 2,", "\"fc1\": {\"type\": \"x\"},", "\"w1\": {\"from\": \"in1.out\", \"to\": \"fc1.in\"},",
        "9223372036854775808", "\u0000", "\uFFFD", "[[[[[[", "}", ",", ":"};

    @Test
    void damagedFilesNeverEscapeAsOtherExceptions() {
        byte[] valid = Fixtures.text("v2-mlp.tlm").getBytes(StandardCharsets.UTF_8);
        Random random = new Random(20240607L);
        for (int i = 0; i < 4000; i++) {
            byte[] damaged = damage(valid, random);
            try {
                assertNotNull(ProjectReader.fromBytes(damaged, "fuzz.tlm", "fuzz"));
            } catch (ProjectFileException e) {
                assertTrue(e.getMessage().startsWith("fuzz.tlm:"), e.getMessage());
                assertTrue(!e.getMessage().contains("\n"), e.getMessage());
            } catch (Throwable t) {
                fail("iteration " + i + " escaped as " + t + " for input:\n"
                        + new String(damaged, StandardCharsets.UTF_8), t);
            }
        }
    }

    private static byte[] damage(byte[] valid, Random random) {
        byte[] b = valid;
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(Math.max(1, b.length));
            switch (random.nextInt(7)) {
                case 0 -> b = splice(b, at, 1 + random.nextInt(8), new byte[0]);
                case 1 -> b = splice(b, at, 0, new byte[] {(byte) random.nextInt(256)});
                case 2 -> {
                    b = b.clone();
                    if (b.length > 0) {
                        b[at] ^= (byte) (1 << random.nextInt(8));
                    }
                }
                case 3 -> b = Arrays.copyOf(b, at);
                case 4 -> b = splice(b, at, 0, JUNK[random.nextInt(JUNK.length)].getBytes(StandardCharsets.UTF_8));
                case 5 -> b = replaceValue(b, random);
                default -> b = duplicateLine(b, random);
            }
        }
        return b;
    }

    /** Replaces the value after a random ": " with another JSON type. */
    private static byte[] replaceValue(byte[] b, Random random) {
        String s = new String(b, StandardCharsets.UTF_8);
        int colon = s.indexOf(": ", random.nextInt(Math.max(1, s.length())));
        if (colon < 0) {
            return b;
        }
        int end = colon + 2;
        while (end < s.length() && ",\n}]".indexOf(s.charAt(end)) < 0) {
            end++;
        }
        return (s.substring(0, colon + 2) + JUNK[random.nextInt(JUNK.length)] + s.substring(end))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Copies one line (often a key) right after itself, making duplicate keys or swapped tokens. */
    private static byte[] duplicateLine(byte[] b, Random random) {
        String s = new String(b, StandardCharsets.UTF_8);
        String[] lines = s.split("\n", -1);
        int i = random.nextInt(lines.length);
        int j = random.nextInt(lines.length);
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < lines.length; k++) {
            out.append(k == j && random.nextBoolean() ? lines[i] : lines[k]).append('\n');
            if (k == i) {
                out.append(lines[i]).append('\n');
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
        int cut = Math.min(b.length, at + remove);
        byte[] out = new byte[at + insert.length + (b.length - cut)];
        System.arraycopy(b, 0, out, 0, Math.min(at, b.length));
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(b, cut, out, at + insert.length, b.length - cut);
        return out;
    }
}
