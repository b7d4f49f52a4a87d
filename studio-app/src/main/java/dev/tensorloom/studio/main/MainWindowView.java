package dev.tensorloom.studio.main;

import dev.tensorloom.studio.editor.EditorCanvas;
import dev.tensorloom.studio.editor.GroupBreadcrumb;
import dev.tensorloom.studio.inspector.InspectorView;
import dev.tensorloom.studio.palette.PaletteView;
import dev.tensorloom.studio.problems.ProblemsLink;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.StatusBar;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The main window's layout: menus, toolbar, palette | editor | inspector, and the status bar.
 * It only binds to the view models and forwards menu actions; window-level actions that need a
 * stage (clipboard, export, dialogs, theme) come in through {@link WindowActions}.
 */
public final class MainWindowView extends BorderPane {
    private final MainWindowViewModel vm;
    private final EditorCanvas canvas;
    private final WindowActions actions;
    private final PaletteView palette;
    private final Menu recentMenu = new Menu("Open recent");
    private final MenuItem saveAsBlock = new MenuItem("Save as block…");
    private final PanelDividers dividers;

    /** What the window does that needs the stage or the system: clipboard, export, theme, help, quit. */
    public interface WindowActions {
        /** Does nothing: for windows nobody drives by hand (headless screenshots, tests). */
        WindowActions NONE = new WindowActions() {
            @Override
            public void cut() {
            }

            @Override
            public void copy() {
            }

            @Override
            public void paste() {
            }

            @Override
            public void exportPicture() {
            }

            @Override
            public void useDarkTheme(boolean dark) {
            }

            @Override
            public void showShortcuts() {
            }

            @Override
            public void showAbout() {
            }

            @Override
            public void quit() {
            }
        };

        void cut();

        void copy();

        void paste();

        void exportPicture();

        void useDarkTheme(boolean dark);

        void showShortcuts();

        void showAbout();

        void quit();

        /** Tools → Python environment…: the setup dialog of the managed Python environment. */
        default void showPythonEnvironment() {
        }

        /** Tools → Preferences…: the Python interpreter and what the studio finds in it. */
        default void showPreferences() {
        }

        /** File → Export…: the project as a PyTorch package or ONNX. */
        default void exportProject() {
        }
    }

    /** The Run menu's actions and when each is possible. */
    public record RunCommands(Runnable train, Runnable trainFromWeights, Runnable pause, Runnable stop,
            Runnable memoryAnalysis, ObservableBooleanValue canTrain, ObservableBooleanValue canPause,
            ObservableBooleanValue canStop) {
    }

    private final RunCommands run;

    public MainWindowView(MainWindowViewModel vm, EditorCanvas canvas, PaletteView palette, InspectorView inspector,
            WindowActions actions) {
        this(vm, canvas, palette, inspector, actions, null, null);
    }

    /** With the run panel and its views under the editor ({@code runArea}), driven by the Run menu. */
    public MainWindowView(MainWindowViewModel vm, EditorCanvas canvas, PaletteView palette, InspectorView inspector,
            WindowActions actions, javafx.scene.Node runArea, RunCommands run) {
        this.vm = vm;
        this.run = run;
        this.canvas = canvas;
        this.actions = actions;
        this.palette = palette;
        getStyleClass().add("main-window");
        setTop(new VBox(menuBar(), toolBar()));
        StackPane centre = new StackPane(canvas.view());
        centre.getStyleClass().add("editor-area");
        GroupBreadcrumb breadcrumb = new GroupBreadcrumb(vm.document(), canvas.openGroupProperty(), canvas::openGroup);
        StackPane.setAlignment(breadcrumb, javafx.geometry.Pos.TOP_LEFT);
        StackPane.setMargin(breadcrumb, new javafx.geometry.Insets(6));
        centre.getChildren().addAll(emptyCanvasHint(), breadcrumb);
        SplitPane split = new SplitPane(palette, centre, inspector);
        SplitPane.setResizableWithParent(palette, false);
        SplitPane.setResizableWithParent(inspector, false);
        SplitPane vertical = null;
        if (runArea == null) {
            setCenter(split);
        } else {
            vertical = new SplitPane(split, runArea);
            vertical.setOrientation(Orientation.VERTICAL);
            setCenter(vertical);
        }
        dividers = new PanelDividers(split, vertical);
        setBottom(statusBar());
    }

    /** What an empty canvas says: where blocks come from, and the quicker start from a template. */
    private javafx.scene.Node emptyCanvasHint() {
        Label text = new Label("Drag a block from the palette onto the canvas, or double-click it to add it here.");
        text.getStyleClass().add("empty-canvas-text");
        // Only the button takes the mouse: a block dropped on the text still lands on the canvas.
        text.setMouseTransparent(true);
        Button gallery = new Button("Start from a template…", new FontIcon(Feather.GRID));
        gallery.setId("empty-canvas-gallery");
        gallery.setOnAction(e -> vm.newFromTemplate());
        VBox hint = new VBox(10, text, gallery);
        hint.setId("empty-canvas-hint");
        hint.getStyleClass().add("empty-canvas-hint");
        hint.setAlignment(javafx.geometry.Pos.CENTER);
        hint.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        // Clicks outside the text and button still reach the canvas (rubber band, drops from the palette).
        hint.setPickOnBounds(false);
        hint.visibleProperty().bind(vm.emptyProperty());
        hint.managedProperty().bind(hint.visibleProperty());
        return hint;
    }

    private MenuBar menuBar() {
        MenuBar bar = new MenuBar(fileMenu(), editMenu(), viewMenu(), runMenu(), toolsMenu(), helpMenu());
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private Menu fileMenu() {
        vm.recentFiles().addListener((ListChangeListener<Path>) c -> fillRecent());
        fillRecent();
        return new Menu("File", null,
                item("New", Feather.FILE, "Shortcut+N", vm::newProject),
                item("New from template…", Feather.GRID, "Shortcut+Shift+N", vm::newFromTemplate),
                item("Open…", Feather.FOLDER, "Shortcut+O", vm::open),
                recentMenu,
                new SeparatorMenuItem(),
                item("Save", Feather.SAVE, "Shortcut+S", vm::save),
                item("Save as…", null, "Shortcut+Shift+S", vm::saveAs),
                exportItem(),
                item("Export picture…", Feather.IMAGE, null, actions::exportPicture),
                new SeparatorMenuItem(),
                item("Quit", null, "Shortcut+Q", actions::quit));
    }

    private MenuItem exportItem() {
        MenuItem export = item("Export…", Feather.SHARE, "Shortcut+E", actions::exportProject);
        export.setId("menu-export");
        export.disableProperty().bind(vm.emptyProperty());
        return export;
    }

    private void fillRecent() {
        recentMenu.getItems().setAll(vm.recentFiles().stream().map(p -> {
            MenuItem mi = new MenuItem(p.getFileName() + "  —  " + p.getParent());
            mi.setMnemonicParsing(false);
            mi.setOnAction(e -> vm.open(p));
            return mi;
        }).toList());
        recentMenu.setDisable(vm.recentFiles().isEmpty());
    }

    private Menu editMenu() {
        MenuItem undo = item("Undo", Feather.CORNER_UP_LEFT, "Shortcut+Z", vm::undo);
        undo.textProperty().bind(vm.undoTextProperty());
        undo.disableProperty().bind(vm.canUndoProperty().not());
        MenuItem redo = item("Redo", Feather.CORNER_UP_RIGHT, "Shortcut+Y", vm::redo);
        redo.textProperty().bind(vm.redoTextProperty());
        redo.disableProperty().bind(vm.canRedoProperty().not());
        ObservableBooleanValue nothingSelected = Bindings.isEmpty(canvas.selection());
        MenuItem cut = item("Cut", Feather.SCISSORS, "Shortcut+X", actions::cut);
        MenuItem copy = item("Copy", Feather.COPY, "Shortcut+C", actions::copy);
        MenuItem delete = item("Delete", Feather.TRASH_2, "Delete", canvas::deleteSelection);
        MenuItem group = item("Group", Feather.FOLDER_PLUS, "Shortcut+G", canvas::groupSelection);
        MenuItem ungroup = item("Ungroup", Feather.FOLDER_MINUS, "Shortcut+Shift+G", canvas::ungroupSelection);
        saveAsBlock.setDisable(true);
        saveAsBlock.setGraphic(new FontIcon(Feather.PACKAGE));
        MenuItem closeGroup = item("Close group", Feather.CORNER_LEFT_UP, "Shortcut+BACK_SPACE", canvas::closeGroup);
        closeGroup.disableProperty().bind(canvas.openGroupProperty().isNull());
        for (MenuItem mi : new MenuItem[] {cut, copy, group, ungroup}) {
            mi.disableProperty().bind(Bindings.createBooleanBinding(nothingSelected::get, nothingSelected));
        }
        // Delete also removes a selected wire.
        delete.disableProperty().bind(Bindings.createBooleanBinding(
                () -> nothingSelected.get() && canvas.selectedWireProperty().get() == null, nothingSelected,
                canvas.selectedWireProperty()));
        return new Menu("Edit", null, undo, redo, new SeparatorMenuItem(), cut, copy,
                item("Paste", Feather.CLIPBOARD, "Shortcut+V", actions::paste), delete,
                item("Select all", null, "Shortcut+A", canvas::selectAll), new SeparatorMenuItem(), group, ungroup,
                saveAsBlock, closeGroup);
    }

    private Menu viewMenu() {
        CheckMenuItem minimap = new CheckMenuItem("Minimap");
        minimap.selectedProperty().bindBidirectional(canvas.minimapVisibleProperty());
        ToggleGroup themes = new ToggleGroup();
        RadioMenuItem light = new RadioMenuItem("Light theme");
        RadioMenuItem dark = new RadioMenuItem("Dark theme");
        light.setToggleGroup(themes);
        dark.setToggleGroup(themes);
        light.setSelected(true);
        light.setOnAction(e -> actions.useDarkTheme(false));
        dark.setOnAction(e -> actions.useDarkTheme(true));
        return new Menu("View", null,
                item("Zoom in", Feather.ZOOM_IN, "Shortcut+PLUS", canvas::zoomIn),
                item("Zoom out", Feather.ZOOM_OUT, "Shortcut+MINUS", canvas::zoomOut),
                item("Zoom to fit", Feather.MAXIMIZE, "Shortcut+0", canvas::zoomToFit),
                minimap,
                item("Auto-layout", Feather.SHARE_2, "Shortcut+L", canvas::autoLayout),
                new SeparatorMenuItem(), light, dark);
    }

    private Menu runMenu() {
        Menu menu = new Menu("Run");
        if (run == null) {
            for (String name : new String[] {"Train", "Train from weights…", "Pause", "Stop", "Memory analysis"}) {
                MenuItem mi = new MenuItem(name);
                mi.disableProperty().bind(vm.runAvailableProperty().not());
                menu.getItems().add(mi);
            }
            return menu;
        }
        menu.getItems().addAll(
                runItem(item("Train", Feather.PLAY, "F5", run.train()), run.canTrain()),
                runItem(item("Train from weights…", Feather.DOWNLOAD, null, run.trainFromWeights()), run.canTrain()),
                runItem(item("Pause", Feather.PAUSE, null, run.pause()), run.canPause()),
                runItem(item("Stop", Feather.STOP_CIRCLE, "Shift+F5", run.stop()), run.canStop()),
                new SeparatorMenuItem(),
                runItem(item("Memory analysis", Feather.ACTIVITY, null, run.memoryAnalysis()), null));
        return menu;
    }

    private MenuItem runItem(MenuItem mi, ObservableBooleanValue possible) {
        ObservableBooleanValue available = vm.runAvailableProperty();
        mi.disableProperty().bind(possible == null
                ? Bindings.createBooleanBinding(() -> !available.get(), available)
                : Bindings.createBooleanBinding(() -> !available.get() || !possible.get(), available, possible));
        return mi;
    }

    private Menu toolsMenu() {
        MenuItem python = item("Python environment…", Feather.PACKAGE, null, actions::showPythonEnvironment);
        python.setId("menu-python-environment");
        MenuItem preferences = item("Preferences…", Feather.SETTINGS, "Shortcut+Comma", actions::showPreferences);
        preferences.setId("menu-preferences");
        return new Menu("Tools", null, python, preferences);
    }

    private Menu helpMenu() {
        return new Menu("Help", null,
                item("Keyboard shortcuts", Feather.COMMAND, "F1", actions::showShortcuts),
                item("About Tensorloom Studio", Feather.INFO, null, actions::showAbout));
    }

    private ToolBar toolBar() {
        Button undo = button(Feather.CORNER_UP_LEFT, "Undo (Ctrl+Z)", vm::undo);
        undo.disableProperty().bind(vm.canUndoProperty().not());
        Button redo = button(Feather.CORNER_UP_RIGHT, "Redo (Ctrl+Y)", vm::redo);
        redo.disableProperty().bind(vm.canRedoProperty().not());
        Button save = button(Feather.SAVE, "Save (Ctrl+S)", vm::save);
        save.setId("toolbar-save");
        return new ToolBar(
                button(Feather.FILE, "New (Ctrl+N)", vm::newProject),
                button(Feather.GRID, "New from template", vm::newFromTemplate),
                button(Feather.FOLDER, "Open (Ctrl+O)", vm::open),
                save, new Separator(Orientation.VERTICAL), undo, redo, new Separator(Orientation.VERTICAL),
                button(Feather.ZOOM_IN, "Zoom in", canvas::zoomIn),
                button(Feather.ZOOM_OUT, "Zoom out", canvas::zoomOut),
                button(Feather.MAXIMIZE, "Zoom to fit", canvas::zoomToFit),
                button(Feather.SHARE_2, "Auto-layout", canvas::autoLayout));
    }

    private StatusBar statusBar() {
        StatusBar status = new StatusBar();
        status.setId("status-bar");
        // The verdict is a link that opens the problems list, so the bar's own text stays empty.
        status.setText("");
        status.getLeftItems().add(new ProblemsLink(vm.validationProperty(), vm.problems()));
        Label params = new Label();
        params.setId("status-parameters");
        params.textProperty().bind(vm.parametersProperty());
        Label device = new Label();
        device.setId("status-device");
        device.textProperty().bind(vm.deviceProperty());
        // In a narrow window the bar's own (empty) text gives way, never these.
        params.setMinWidth(Region.USE_PREF_SIZE);
        device.setMinWidth(Region.USE_PREF_SIZE);
        status.getRightItems().addAll(params, new Separator(Orientation.VERTICAL), device);
        status.progressProperty().bind(Bindings.when(vm.busyProperty()).then(-1.0).otherwise(0.0));
        return status;
    }

    /** Turns on Edit → Save as block… (the studio has a block library). */
    public void enableSaveAsBlock(Runnable save) {
        saveAsBlock.setOnAction(e -> save.run());
        ObservableBooleanValue nothingSelected = Bindings.isEmpty(canvas.selection());
        saveAsBlock.disableProperty().bind(Bindings.createBooleanBinding(nothingSelected::get, nothingSelected));
    }

    /** The panel dividers, which the studio puts back where the user left them. */
    public PanelDividers dividers() {
        return dividers;
    }

    /** Focuses the palette search (Ctrl+F). */
    public void focusPaletteSearch() {
        palette.focusSearch();
    }

    private static MenuItem item(String text, Feather icon, String accelerator, Runnable action) {
        MenuItem mi = new MenuItem(text, icon == null ? null : new FontIcon(icon));
        if (accelerator != null) {
            mi.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        mi.setOnAction(e -> action.run());
        return mi;
    }

    private static Button button(Feather icon, String tooltip, Runnable action) {
        Button b = new Button(null, new FontIcon(icon));
        b.setTooltip(new Tooltip(tooltip));
        b.getStyleClass().add("flat");
        b.setOnAction(e -> action.run());
        return b;
    }
}
