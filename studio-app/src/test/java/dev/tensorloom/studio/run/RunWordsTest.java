package dev.tensorloom.studio.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.tensorloom.model.doc.TrainingConfig;
import org.junit.jupiter.api.Test;

class RunWordsTest {
    private final TrainingConfig config = TrainingConfig.DEFAULT.withDataset("seq-reverse").withSteps(4)
            .withBatchSize(8);

    @Test
    void theDeviceSettingIsNamedWithDjlOnlyNeverBesideAPyTorchDevice() {
        assertEquals("DJL on " + config.device(), RunWords.engine("DJL", config));
        assertEquals("PyTorch on cpu, 1 process", RunWords.engine("PyTorch on cpu, 1 process", config));
        String settings = RunWords.describe(config);
        assertFalse(settings.contains(", " + config.device() + ","), settings);
        assertEquals("seq-reverse", settings.substring(0, settings.indexOf(',')));
    }
}
