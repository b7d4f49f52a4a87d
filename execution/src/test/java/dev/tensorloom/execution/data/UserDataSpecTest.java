package dev.tensorloom.execution.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.model.shape.DType;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserDataSpecTest {
    @Test
    void csvFeaturesAndLabelBecomeFieldsXAndY() {
        UserDataSpec s = UserDataSpec.parse("csv:data/houses.csv?features=area, rooms&label=price");
        assertEquals("csv", s.kind());
        assertEquals("data/houses.csv", s.path());
        assertEquals(List.of("x", "y"), s.fieldNames());
        assertEquals(CsvField.floats("area", "rooms"), s.mapping().get("x"));
        assertEquals(CsvField.floats("price"), s.mapping().get("y"));
        assertEquals(0.2, s.heldOut());
    }

    @Test
    void classesAreInt64AndNormalizeAppliesToFeatures() {
        UserDataSpec s = UserDataSpec.parse("csv:iris.csv?features=a,b&classes=species&normalize=true&heldout=0.25");
        assertEquals(CsvField.labels("species"), s.mapping().get("y"));
        assertEquals(DType.INT64, s.mapping().get("y").dtype());
        assertTrue(s.mapping().get("x").normalized());
        assertEquals(0.25, s.heldOut());
        assertEquals(List.of("x"), UserDataSpec.parse("csv:a.csv?features=a").fieldNames());
    }

    @Test
    void imageFoldersTakeASquareOrHeightByWidthSize() {
        UserDataSpec square = UserDataSpec.parse("images:pets?size=32");
        assertEquals(List.of(32, 32), List.of(square.height(), square.width()));
        UserDataSpec rect = UserDataSpec.parse("images:/abs/pets?size=24x40&heldout=0");
        assertEquals(List.of(24, 40), List.of(rect.height(), rect.width()));
        assertEquals("/abs/pets", rect.path());
        assertEquals(List.of("image", "label"), rect.fieldNames());
    }

    @Test
    void onlyCsvAndImagesPrefixesAreUserData() {
        assertTrue(UserDataSpec.isUserData("csv:x.csv"));
        assertTrue(UserDataSpec.isUserData("images:x"));
        assertFalse(UserDataSpec.isUserData("seq-reverse?length=8"));
    }

    @Test
    void mistakesQuoteTheSpecAndSayWhatIsAccepted() {
        assertEquals("dataset 'csv:a.csv?label=y': say which columns are features, e.g. ?features=area,rooms&label=price",
                message("csv:a.csv?label=y"));
        assertEquals("dataset 'csv:a.csv?features=a&colour=b': unknown option 'colour' (options: features, label, "
                + "classes, normalize, heldout)", message("csv:a.csv?features=a&colour=b"));
        assertEquals("dataset 'csv:a.csv?features=a&label=b&classes=c': give label (numbers to regress) or classes "
                + "(class indices), not both", message("csv:a.csv?features=a&label=b&classes=c"));
        assertEquals("dataset 'csv:a.csv?features=a,,b': features needs column names separated by commas, got 'a,,b'",
                message("csv:a.csv?features=a,,b"));
        assertEquals("dataset 'csv:a.csv?features=a,a': features names a column twice: 'a,a'",
                message("csv:a.csv?features=a,a"));
        assertEquals("dataset 'csv:?features=a': no file after 'csv:'", message("csv:?features=a"));
        assertEquals("dataset 'images:p?size=0': size must be N or HxW with positive whole numbers, got '0'",
                message("images:p?size=0"));
        assertEquals("dataset 'images:p': say the image size, e.g. ?size=32 or ?size=24x32 (height x width)",
                message("images:p"));
        assertEquals("dataset 'images:p?size=8&heldout=1': heldout must be a fraction in [0, 1), got '1'",
                message("images:p?size=8&heldout=1"));
        assertEquals("dataset 'csv:a.csv?features=a&normalize=yes': normalize must be true or false, got 'yes'",
                message("csv:a.csv?features=a&normalize=yes"));
    }

    private static String message(String spec) {
        return assertThrows(IllegalArgumentException.class, () -> UserDataSpec.parse(spec)).getMessage();
    }
}
