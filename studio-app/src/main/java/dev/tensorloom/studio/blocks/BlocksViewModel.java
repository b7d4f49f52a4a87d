package dev.tensorloom.studio.blocks;

import dev.tensorloom.model.command.MarkSavedBlock;
import dev.tensorloom.model.command.UndoStack;
import dev.tensorloom.model.composite.SavedBlock;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.Group;
import dev.tensorloom.studio.files.BlockLibrary;
import dev.tensorloom.studio.files.DocumentContents;
import dev.tensorloom.studio.main.DialogService;
import dev.tensorloom.studio.main.ProjectBlocks;
import dev.tensorloom.studio.task.BackgroundTask;
import dev.tensorloom.studio.task.TaskExecutor;
import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;

/**
 * The user's reusable blocks: "Save as block…" turns a group into a block in the library (and marks the group
 * as made from it), the palette's "My blocks" lists the library and the blocks the open project brought, and
 * inserting one adds a copy as a collapsed group. Library files are read and written off the UI thread.
 */
public final class BlocksViewModel {
    private final Document document;
    private final UndoStack undoStack;
    private final BlockLibrary library;
    private final ProjectBlocks projectBlocks;
    private final DialogService dialogs;
    private final TaskExecutor tasks;
    private final Map<String, SavedBlock> libraryBlocks = new TreeMap<>();
    private final ObservableList<SavedBlock> available = FXCollections.observableArrayList();
    private final ObservableList<SavedBlock> availableView = FXCollections.unmodifiableObservableList(available);
    private Consumer<SavedBlock> inserter = b -> { };

    public BlocksViewModel(Document document, UndoStack undoStack, BlockLibrary library, ProjectBlocks projectBlocks,
            DialogService dialogs, TaskExecutor tasks) {
        this.document = Objects.requireNonNull(document);
        this.undoStack = Objects.requireNonNull(undoStack);
        this.library = Objects.requireNonNull(library);
        this.projectBlocks = Objects.requireNonNull(projectBlocks);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.tasks = Objects.requireNonNull(tasks);
        projectBlocks.setLibrary(id -> Optional.ofNullable(libraryBlocks.get(id)));
        projectBlocks.embedded().addListener((MapChangeListener<String, SavedBlock>) c -> merge());
        reload();
    }

    /** Where inserted blocks go (the editor puts them in the middle of the view). */
    public void setInserter(Consumer<SavedBlock> inserter) {
        this.inserter = Objects.requireNonNull(inserter);
    }

    /** Reads the library folder again, off the UI thread. */
    public void reload() {
        BackgroundTask.wrap(library::list).onSuccess(listing -> {
            libraryBlocks.clear();
            libraryBlocks.putAll(listing.blocks());
            merge();
            if (!listing.problems().isEmpty()) {
                dialogs.showError("Some saved blocks could not be read", String.join("\n", listing.problems()));
            }
        }).onFailure(e -> dialogs.showError("Could not read the block library", e.getMessage())).executeWith(tasks);
    }

    private void merge() {
        Map<String, SavedBlock> all = new TreeMap<>(projectBlocks.embedded());
        all.putAll(libraryBlocks);
        available.setAll(all.values().stream().sorted(Comparator.comparing(SavedBlock::title)).toList());
    }

    /**
     * Saves the one selected group as a block, under a name the user gives: written to the library off the UI
     * thread, then the group takes the name and remembers the block (one undoable edit).
     */
    public void saveAsBlock(Collection<String> selection) {
        Optional<Group> group = selection.size() == 1 ? document.group(selection.iterator().next()) : Optional.empty();
        if (group.isEmpty()) {
            dialogs.showError("Save as block", "Select one block made by Group (Ctrl+G) to save it.");
            return;
        }
        Optional<String> name = dialogs.askBlockName(group.get().label());
        if (name.isEmpty() || name.get().isBlank()) {
            return;
        }
        String title = name.get().strip();
        String id = freshId(slug(title));
        Document copy = DocumentContents.copy(document);
        SavedBlock block = SavedBlock.fromGroup(copy, group.get().id(), id, title);
        BackgroundTask.wrap(() -> library.save(block)).onSuccess(file -> {
            libraryBlocks.put(block.id(), block);
            projectBlocks.add(block);
            merge();
            if (document.group(group.get().id()).isPresent()) {
                undoStack.push(new MarkSavedBlock(group.get().id(), block.id(), title));
            }
        }).onFailure(e -> dialogs.showError("Could not save the block", e.getMessage())).executeWith(tasks);
    }

    /**
     * Deletes {@code block} from the library after the user confirms, off the UI thread. The open project keeps
     * the copy it embeds when it uses the block, so it may stay in My blocks until that project is closed.
     */
    public void deleteFromLibrary(SavedBlock block) {
        if (!libraryBlocks.containsKey(block.id())) {
            dialogs.showError("Delete from My blocks", "\"" + block.title() + "\" is not in the library "
                    + library.folder() + "; it came with the open project.");
            return;
        }
        if (!dialogs.confirm("Delete \"" + block.title() + "\" from My blocks?", "Its file in " + library.folder()
                + " is deleted. Projects that use the block keep their own copy of it.")) {
            return;
        }
        BackgroundTask.wrap(() -> library.delete(block.id())).onSuccess(deleted -> {
            libraryBlocks.remove(block.id());
            merge();
        }).onFailure(e -> dialogs.showError("Could not delete the block", e.getMessage())).executeWith(tasks);
    }

    /** Adds a copy of {@code block} to the model; the project keeps it from now on. */
    public void insert(SavedBlock block) {
        projectBlocks.add(block);
        inserter.accept(block);
    }

    /** {@code "Residual MLP"} → {@code residual-mlp}. */
    static String slug(String title) {
        String s = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "block" : s;
    }

    private String freshId(String base) {
        if (!libraryBlocks.containsKey(base) && !projectBlocks.embedded().containsKey(base)) {
            return base;
        }
        for (int i = 2; ; i++) {
            String candidate = base + "-" + i;
            if (!libraryBlocks.containsKey(candidate) && !projectBlocks.embedded().containsKey(candidate)) {
                return candidate;
            }
        }
    }

    /** The library's blocks and the open project's, by title. */
    public ObservableList<SavedBlock> available() {
        return availableView;
    }

    /** The block with this id, from the library or the open project. */
    public Optional<SavedBlock> find(String id) {
        return Optional.ofNullable(libraryBlocks.get(id)).or(() -> Optional.ofNullable(projectBlocks.embedded().get(id)));
    }
}
