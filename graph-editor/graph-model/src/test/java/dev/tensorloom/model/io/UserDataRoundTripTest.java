package dev.tensorloom.model.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.TrainingConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user-data column mapping lives in the dataset text and survives load → save → load unchanged. */
class UserDataRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void csvAndImageMappingsRoundTripByteForByte() throws Exception {
        for (String spec : new String[] {"csv:data/houses.csv?features=area,rooms&label=price&normalize=true",
                "csv:../shared/iris data.csv?features=a,b&classes=species&heldout=0.25", "images:pets?size=24x32"}) {
            Document doc = new Document();
            doc.setConfig(TrainingConfig.DEFAULT.withDataset(spec));
            Path first = dir.resolve("a.tlm");
            ProjectWriter.write(new Project("user data", doc), first);
            Project loaded = ProjectReader.read(first);
            assertEquals(spec, loaded.document().config().dataset());
            Path second = dir.resolve("b.tlm");
            ProjectWriter.write(loaded, second);
            assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
            assertEquals(spec, ProjectReader.read(second).document().config().dataset());
        }
    }
}
