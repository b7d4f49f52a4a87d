package dev.tensorloom.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LogSetupTest {

    @Test
    void logbackFindsTheSetupAndLogsOnlyProblemsToStderr() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertEquals(Level.WARN, root.getLevel());
        assertEquals(Level.ERROR, context.getLogger("ai.djl").getLevel(), "DJL logs only errors");
        assertTrue(context.getLogger("ai.djl.pytorch.jni.LibUtils").isErrorEnabled());
        assertTrue(!context.getLogger("ai.djl.pytorch.jni.LibUtils").isWarnEnabled());
        ConsoleAppender<?> stderr = (ConsoleAppender<?>) root.getAppender("STDERR");
        assertNotNull(stderr, "the stderr appender is attached to the root logger");
        assertEquals("System.err", stderr.getTarget());
        assertTrue(stderr.isStarted());
    }
}
