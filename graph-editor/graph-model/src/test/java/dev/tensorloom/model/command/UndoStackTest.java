package dev.tensorloom.model.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.DocumentListener;
import dev.tensorloom.model.doc.GraphEditException;
import dev.tensorloom.model.doc.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UndoStackTest {
    private final Document doc = new Document();
    private final UndoStack stack = new UndoStack(doc);

    @Test
    void startsEmptyAndUnmodified() {
        assertFalse(stack.canUndo());
        assertFalse(stack.canRedo());
        assertFalse(stack.isModified());
        assertEquals(Optional.empty(), stack.undoDescription());
        assertThrows(IllegalStateException.class, stack::undo);
        assertThrows(IllegalStateException.class, stack::redo);
    }

    @Test
    void revisionChangesOnEveryExecuteUndoRedo() {
        List<Long> seen = new ArrayList<>();
        stack.push(new AddNode(Node.of("a1", "relu")));
        seen.add(stack.revision());
        stack.undo();
        seen.add(stack.revision());
        stack.redo();
        seen.add(stack.revision());
        assertEquals(3, seen.stream().distinct().count());
        assertNotEquals(0L, seen.get(0));
    }

    @Test
    void modifiedFollowsSavedPoint() {
        stack.push(new AddNode(Node.of("a1", "relu")));
        assertTrue(stack.isModified());
        stack.undo();
        assertFalse(stack.isModified(), "undone back to the (unsaved) start");
        stack.redo();
        stack.markSaved();
        assertFalse(stack.isModified());
        stack.push(new AddNode(Node.of("a2", "relu")));
        assertTrue(stack.isModified());
        stack.undo();
        assertFalse(stack.isModified());
        stack.undo();
        assertTrue(stack.isModified(), "before the saved point is modified too");
        stack.push(new AddNode(Node.of("b1", "relu")));
        assertTrue(stack.isModified(), "saved state is no longer reachable");
    }

    @Test
    void descriptions() {
        stack.push(new AddNode(Node.of("a1", "relu")));
        assertEquals("Add a1", stack.undoDescription().orElseThrow());
        stack.undo();
        assertEquals("Add a1", stack.redoDescription().orElseThrow());
        assertTrue(stack.undoDescription().isEmpty());
    }

    @Test
    void pushClearsRedo() {
        stack.push(new AddNode(Node.of("a1", "relu")));
        stack.undo();
        stack.push(new AddNode(Node.of("a2", "relu")));
        assertFalse(stack.canRedo());
    }

    @Test
    void refusedCommandLeavesHistoryAlone() {
        stack.push(new AddNode(Node.of("a1", "relu")));
        long rev = stack.revision();
        assertThrows(GraphEditException.class, () -> stack.push(new AddNode(Node.of("a1", "relu"))));
        assertEquals(rev, stack.revision());
        assertEquals("Add a1", stack.undoDescription().orElseThrow());
    }

    @Test
    void reentrantPushIsRefusedAndRolledBack() {
        DocumentListener pusher = change -> stack.push(new AddNode(Node.of("nested", "relu")));
        doc.addListener(pusher);
        assertThrows(IllegalStateException.class, () -> stack.push(new AddNode(Node.of("a1", "relu"))));
        doc.removeListener(pusher);
        assertEquals(0, doc.nodeCount());
        assertFalse(stack.canUndo());
    }

    @Test
    void stackListenerCannotPushEither() {
        List<Throwable> errors = new ArrayList<>();
        stack.addListener(s -> {
            try {
                s.push(new AddNode(Node.of("nested", "relu")));
            } catch (IllegalStateException e) {
                errors.add(e);
            }
        });
        stack.push(new AddNode(Node.of("a1", "relu")));
        assertEquals(1, errors.size());
        assertEquals(1, doc.nodeCount());
    }

    @Test
    void listenersHearEveryChange() {
        List<Long> revisions = new ArrayList<>();
        stack.addListener(s -> revisions.add(s.revision()));
        stack.push(new AddNode(Node.of("a1", "relu")));
        stack.undo();
        stack.redo();
        assertEquals(List.of(1L, 2L, 3L), revisions);
    }

    @Test
    void limitForgetsOldest() {
        UndoStack limited = new UndoStack(doc, 2);
        for (int i = 1; i <= 4; i++) {
            limited.push(new AddNode(Node.of("n" + i, "relu")));
        }
        limited.undo();
        limited.undo();
        assertFalse(limited.canUndo());
        assertEquals(2, doc.nodeCount());
        assertTrue(limited.isModified(), "the start state was forgotten, not reached");
    }

    @Test
    void clearForgetsHistoryAndCountsAsSaved() {
        stack.push(new AddNode(Node.of("a1", "relu")));
        stack.clear();
        assertFalse(stack.canUndo());
        assertFalse(stack.isModified());
    }
}
