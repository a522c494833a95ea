package ca.scalloy.ui.common;

import java.io.File;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The main window's content: menu bar, navigation sidebar, the selected screen and a status bar.
 */
public final class MainShell {

    /** What the shell's menus do besides acting on the document. */
    public interface Actions {
        void quit();

        void switchLanguage(Locale locale);

        void about();

        /** Help › Show log folder: where the log is, with a button that opens it. */
        default void showLogFolder() {
        }

        /** Help › Welcome: the welcome of the first start, with the example recipes. */
        default void welcome() {
        }

        /** Help › User guide (F1). */
        default void userGuide() {
        }
    }

    /** What the File menu does with the library database. */
    public interface LibraryActions {
        void saveToLibrary();

        void backupDatabase();

        void restoreDatabase();

        /** File › Export audit log (CSV)…: the whole audit trail. */
        void exportAuditLog();

        /** File › Database connection…: which database to use (embedded or a server), with a test. */
        default void databaseConnection() {
        }
    }

    /** What the File menu and the window do with documents and files (issue 6). */
    public interface DocumentActions {
        void batchSheet();

        void importRecipes();

        void exportChargeCsv();

        void settings();

        /** Files or folders dropped on the window. */
        void filesDropped(List<Path> paths);
    }

    private static final PseudoClass LOST = PseudoClass.getPseudoClass("lost");

    private final Messages m;
    private LibraryActions library;
    private DocumentActions documentActions;
    private ReadOnlyStringProperty databaseStatus;
    private ReadOnlyBooleanProperty connectionLost;
    private final Document document;
    private final Actions actions;
    private final Map<Screen, Supplier<Node>> screens;
    private final ObjectProperty<Screen> selected = new SimpleObjectProperty<>(this, "selected", Screen.BATCH);
    private final Map<Screen, Node> built = new EnumMap<>(Screen.class);
    /** The shell's own listeners on what outlives it (the database's state). */
    private final ViewLifetime life = new ViewLifetime();
    private boolean firstScreenLater;
    private DividerMemory dividers;
    private final java.util.Set<Screen> dividersFollowed = java.util.EnumSet.noneOf(Screen.class);

    /**
     * @param screens every {@link Screen}'s builder, each called on the screen's first selection and its node kept
     * @throws IllegalArgumentException when a screen has no builder
     */
    public MainShell(Messages messages, Document document, Actions actions, Map<Screen, Supplier<Node>> screens) {
        this.m = messages;
        this.document = document;
        this.actions = actions;
        this.screens = Map.copyOf(screens);
        for (Screen s : Screen.values()) {
            if (!this.screens.containsKey(s)) {
                throw new IllegalArgumentException("no builder for the screen " + s + "; the shell needs one for each of "
                        + List.of(Screen.values()));
            }
        }
    }

    /**
     * Adds the library items to the File menu and which database is open to the status bar.
     *
     * @return this shell
     */
    public MainShell withLibrary(LibraryActions actions, ReadOnlyStringProperty status) {
        this.library = actions;
        this.databaseStatus = status;
        return this;
    }

    /**
     * As {@link #withLibrary(LibraryActions, ReadOnlyStringProperty)}, with the database label marked
     * while the server connection is lost.
     *
     * @return this shell
     */
    public MainShell withLibrary(LibraryActions actions, ReadOnlyStringProperty status, ReadOnlyBooleanProperty lost) {
        this.connectionLost = lost;
        return withLibrary(actions, status);
    }

    /**
     * Adds Batch sheet…, Import recipes…, Export charge as CSV… and Settings… to the menus, and
     * accepts files dropped on the window.
     *
     * @return this shell
     */
    public MainShell withDocuments(DocumentActions actions) {
        this.documentActions = actions;
        return this;
    }

    /**
     * Shows the first screen only after the window: {@link #build()} leaves the centre empty and fills it
     * in a later turn of the UI thread, so the window (menus, navigation, status bar) appears without waiting
     * for the screen's controls to be styled and laid out. For the start; a rebuild (language) needs none.
     *
     * @return this shell
     */
    public MainShell firstScreenAfterTheWindow() {
        firstScreenLater = true;
        return this;
    }

    /**
     * Opens each screen's split panes with their dividers where the user left them, and keeps where the user drags
     * them, in {@code memory}.
     *
     * @return this shell
     */
    public MainShell withDividers(DividerMemory memory) {
        this.dividers = memory;
        return this;
    }

    public ObjectProperty<Screen> selectedProperty() {
        return selected;
    }

    public Parent build() {
        BorderPane root = new BorderPane();
        root.getStyleClass().add("shell");
        root.setTop(menuBar());
        root.setLeft(navigation());
        root.setBottom(statusBar());
        if (firstScreenLater) {
            Platform.runLater(() -> show(root, selected.get()));
        } else {
            show(root, selected.get());
        }
        selected.addListener((o, a, s) -> show(root, s));
        if (documentActions != null) {
            acceptDroppedFiles(root);
        }
        return root;
    }

    private void acceptDroppedFiles(Node root) {
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        root.setOnDragDropped(e -> {
            boolean files = e.getDragboard().hasFiles();
            List<Path> paths = files ? e.getDragboard().getFiles().stream().map(File::toPath).toList() : List.of();
            e.setDropCompleted(files);
            e.consume();
            if (files) {
                // After the drop gesture ends, so that dialogs opened by the import do not block it.
                Platform.runLater(() -> documentActions.filesDropped(paths));
            }
        });
    }

    /**
     * Takes this shell's and its screens' listeners off the view models they draw, for a shell about to be replaced
     * (a language switch builds a new one over the same view models); the shell is not shown again.
     */
    public void dispose() {
        life.end();
        built.values().forEach(ViewLifetime::endOf);
    }

    private Node screen(Screen s) {
        return built.computeIfAbsent(s, key -> screens.get(key).get());
    }

    /** Puts screen {@code s} in the window; the first time, its split panes start following {@link #dividers}. */
    private void show(BorderPane root, Screen s) {
        Node screen = screen(s);
        root.setCenter(screen);
        if (dividers != null && dividersFollowed.add(s)) {
            if (screen.getScene() != null) {
                rememberDividers(s, screen);
            } else {
                // shown in a window later (the shell is built before its scene): looked at once it is in one
                javafx.beans.value.ChangeListener<javafx.scene.Scene> once = new javafx.beans.value.ChangeListener<>() {
                    @Override
                    public void changed(javafx.beans.value.ObservableValue<? extends javafx.scene.Scene> o, javafx.scene.Scene a,
                                        javafx.scene.Scene b) {
                        if (b != null) {
                            screen.sceneProperty().removeListener(this);
                            Platform.runLater(() -> rememberDividers(s, screen));
                        }
                    }
                };
                screen.sceneProperty().addListener(once);
            }
        }
    }

    /**
     * The screen's split panes (the first as the screen's name, the others numbered after it) follow
     * {@link #dividers}. Styled first, so that the controls' skins are made and a split pane inside a tab (the
     * Properties screen's) is found.
     */
    private void rememberDividers(Screen s, Node screen) {
        screen.applyCss();
        int n = 0;
        for (Node split : screen.lookupAll(".split-pane")) {
            if (split instanceof SplitPane p) {
                Widgets.rememberDividers(p, dividers, n == 0 ? s.name() : s.name() + "." + n);
                n++;
            }
        }
    }

    private Node navigation() {
        VBox nav = new VBox(2);
        nav.getStyleClass().add("nav");
        ToggleGroup group = new ToggleGroup();
        Map<Screen, ToggleButton> buttons = new EnumMap<>(Screen.class);
        for (Screen s : Screen.values()) {
            ToggleButton b = new ToggleButton(m.get("nav." + s.name()));
            b.setId("nav-" + s.name());
            b.setToggleGroup(group);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setSelected(s == selected.get());
            b.getStyleClass().add("nav-button");
            b.setAccessibleText(m.get("nav." + s.name()));
            b.setTooltip(new Tooltip(m.get("nav.shortcut", shortcutText(s))));
            b.setOnAction(e -> {
                b.setSelected(true);
                selected.set(s);
            });
            buttons.put(s, b);
            nav.getChildren().add(b);
        }
        // The highlight and the screen are one: a screen chosen by a shortcut or a test shows as chosen here.
        selected.addListener((o, a, s) -> buttons.get(s).setSelected(true));
        // Arrow keys in the sidebar go to the screen above or below (ToggleButtons in a group would otherwise
        // only move the focus ring, leaving the old screen on show).
        nav.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            int step = e.getCode() == KeyCode.UP ? -1 : e.getCode() == KeyCode.DOWN ? 1 : 0;
            if (step != 0 && !e.isShortcutDown() && !e.isAltDown()) {
                Screen[] all = Screen.values();
                Screen next = all[Math.floorMod(selected.get().ordinal() + step, all.length)];
                selected.set(next);
                buttons.get(next).requestFocus();
                e.consume();
            }
        });
        return nav;
    }

    /** Ctrl+1 for the first screen, Ctrl+2 for the second… in navigation order (Cmd on macOS). */
    private static KeyCombination shortcut(Screen s) {
        return new KeyCodeCombination(KeyCode.valueOf("DIGIT" + (s.ordinal() + 1)), KeyCombination.SHORTCUT_DOWN);
    }

    private static String shortcutText(Screen s) {
        return shortcut(s).getDisplayText();
    }

    /** View › Go to: one item per screen with its Ctrl+digit shortcut. */
    private Menu goTo() {
        Menu go = new Menu(m.get("menu.view.goTo"));
        for (Screen s : Screen.values()) {
            MenuItem item = new MenuItem(m.get("nav." + s.name()));
            item.setId("goto-" + s.name());
            item.setAccelerator(shortcut(s));
            item.setOnAction(e -> selected.set(s));
            go.getItems().add(item);
        }
        return go;
    }

    private MenuBar menuBar() {
        UndoManager undo = document.undoManager();
        MenuItem newItem = item("menu.file.new", "Shortcut+N", document::newRecipe);
        MenuItem open = item("menu.file.open", "Shortcut+O", document::open);
        MenuItem save = item("menu.file.save", "Shortcut+S", document::save);
        MenuItem saveAs = item("menu.file.saveAs", "Shortcut+Shift+S", document::saveAs);
        MenuItem quit = item("menu.file.quit", "Shortcut+Q", actions::quit);
        Menu file = new Menu(m.get("menu.file"), null, newItem, open, new SeparatorMenuItem(), save, saveAs);
        if (documentActions != null) {
            file.getItems().addAll(new SeparatorMenuItem(), item("menu.file.batchSheet", "Shortcut+P", documentActions::batchSheet),
                    item("menu.file.exportChargeCsv", null, documentActions::exportChargeCsv),
                    item("menu.file.importRecipes", null, documentActions::importRecipes));
        }
        if (library != null) {
            file.getItems().addAll(item("menu.file.saveToLibrary", "Shortcut+L", library::saveToLibrary), new SeparatorMenuItem(),
                    item("menu.file.connection", null, library::databaseConnection),
                    item("menu.file.backup", null, library::backupDatabase), item("menu.file.restore", null, library::restoreDatabase),
                    item("audit.export.menu", null, library::exportAuditLog));
        }
        file.getItems().addAll(new SeparatorMenuItem(), quit);

        MenuItem undoItem = item("menu.edit.undo", "Shortcut+Z", undo::undo);
        undoItem.textProperty().bind(Bindings.createStringBinding(() -> undo.canUndoProperty().get()
                ? m.get("menu.edit.undoWhat", undo.undoDescriptionProperty().get()) : m.get("menu.edit.undo"),
                undo.canUndoProperty(), undo.undoDescriptionProperty()));
        undoItem.disableProperty().bind(undo.canUndoProperty().not());
        MenuItem redoItem = item("menu.edit.redo", "Shortcut+Shift+Z", undo::redo);
        redoItem.textProperty().bind(Bindings.createStringBinding(() -> undo.canRedoProperty().get()
                ? m.get("menu.edit.redoWhat", undo.redoDescriptionProperty().get()) : m.get("menu.edit.redo"),
                undo.canRedoProperty(), undo.redoDescriptionProperty()));
        redoItem.disableProperty().bind(undo.canRedoProperty().not());
        Menu edit = new Menu(m.get("menu.edit"), null, undoItem, redoItem);
        if (documentActions != null) {
            edit.getItems().addAll(new SeparatorMenuItem(), item("menu.file.settings", null, documentActions::settings));
        }

        ToggleGroup languages = new ToggleGroup();
        RadioMenuItem english = language("menu.view.english", Locale.CANADA, languages, !m.isFrench());
        RadioMenuItem french = language("menu.view.french", Locale.CANADA_FRENCH, languages, m.isFrench());
        Menu language = new Menu(m.get("menu.view.language"), null, english, french);
        Menu view = new Menu(m.get("menu.view"), null, goTo(), new SeparatorMenuItem(), language);

        Menu help = new Menu(m.get("menu.help"), null, item("menu.help.userGuide", "F1", actions::userGuide),
                item("menu.help.welcome", null, actions::welcome), new SeparatorMenuItem(),
                item("menu.help.logFolder", null, actions::showLogFolder), new SeparatorMenuItem(),
                item("menu.help.about", null, actions::about));
        MenuBar bar = new MenuBar(file, edit, view, help);
        bar.setId("menuBar");
        return bar;
    }

    private RadioMenuItem language(String key, Locale locale, ToggleGroup group, boolean selectedNow) {
        RadioMenuItem item = new RadioMenuItem(m.get(key));
        item.setToggleGroup(group);
        item.setSelected(selectedNow);
        item.setOnAction(e -> {
            if (!selectedNow) {
                actions.switchLanguage(locale);
            }
        });
        return item;
    }

    private MenuItem item(String key, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(m.get(key));
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        item.setId(key);
        return item;
    }

    private Node statusBar() {
        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(Bindings.createStringBinding(() -> document.statusMessageProperty().get().isEmpty()
                ? m.get("status.ready") : document.statusMessageProperty().get(), document.statusMessageProperty()));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(14, 14);
        busy.visibleProperty().bind(document.calculatingProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label name = new Label();
        name.textProperty().bind(Bindings.createStringBinding(() -> document.documentNameProperty().get()
                + (document.dirtyProperty().get() ? " *" : ""), document.documentNameProperty(), document.dirtyProperty()));
        HBox bar = new HBox(8, busy, status, spacer, name);
        if (databaseStatus != null) {
            Label db = new Label();
            db.setId("databaseStatus");
            db.getStyleClass().add("database-status");
            db.textProperty().bind(databaseStatus);
            Tooltip full = new Tooltip();
            full.textProperty().bind(databaseStatus);
            db.setTooltip(full);
            // Which database this is must stay readable, but a long failure message must not push the rest
            // of the bar out: it is cut at 600 px, and the tooltip has it whole.
            db.setMinWidth(300);
            db.setMaxWidth(600);
            if (connectionLost != null) {
                life.listen(connectionLost, (o, was, now) -> db.pseudoClassStateChanged(LOST, now));
                db.pseudoClassStateChanged(LOST, connectionLost.get());
            }
            bar.getChildren().add(db);
        }
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("status-bar");
        return bar;
    }
}
