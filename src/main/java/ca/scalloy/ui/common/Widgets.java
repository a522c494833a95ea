package ca.scalloy.ui.common;

import java.util.function.Function;

import javafx.scene.layout.StackPane;
import javafx.scene.layout.Region;
import javafx.scene.control.Button;
import javafx.scene.Parent;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.beans.property.ObjectProperty;
import javafx.scene.layout.BorderPane;

/** Small pieces the screens build alike. */
public final class Widgets {

    /** The key under which a node keeps the listeners {@link #heldBy} gave it. */
    private static final Object HELD_LISTENERS = new Object();

    private Widgets() {
    }

    /**
     * {@code action} disabled while {@code gate} does not allow it, with a tooltip saying which role
     * it needs. The tooltip sits on a wrapper, because a disabled control shows none of its own.
     */
    public static Node gated(Node action, RoleGate gate) {
        javafx.scene.layout.HBox inner = new javafx.scene.layout.HBox(action);
        inner.disableProperty().bind(gate.allowedProperty().not());
        StackPane outer = new StackPane(inner);
        outer.setMaxWidth(Region.USE_PREF_SIZE);
        javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
        tip.textProperty().bind(gate.neededProperty());
        Runnable install = () -> {
            if (gate.allowedProperty().get()) {
                javafx.scene.control.Tooltip.uninstall(outer, tip);
            } else {
                javafx.scene.control.Tooltip.install(outer, tip);
            }
        };
        heldBy(outer, gate.allowedProperty(), (o, a, b) -> install.run());
        install.run();
        return outer;
    }

    /** A titled section of a screen. */
    public static Node section(String title, Node content) {
        Label l = new Label(title);
        l.getStyleClass().add("section-title");
        BorderPane p = new BorderPane(content);
        p.setTop(l);
        BorderPane.setMargin(l, new Insets(0, 0, 4, 0));
        p.getStyleClass().add("section");
        return p;
    }

    /**
     * A titled section with {@code tools} (its buttons) on the title's line, where they are seen without scrolling
     * and take no line of their own.
     */
    public static Node section(String title, Node tools, Node content) {
        BorderPane p = (BorderPane) section(title, content);
        Node l = p.getTop();
        javafx.scene.layout.HBox top = new javafx.scene.layout.HBox(12, l, tools);
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        BorderPane.setMargin(l, null);
        p.setTop(top);
        BorderPane.setMargin(top, new Insets(0, 0, 4, 0));
        return p;
    }

    /**
     * Gives each column header of {@code table} that has only a text a tooltip with that text, for when a narrow
     * window cuts it ("Spéc..."); a header with a graphic of its own is left as it is.
     */
    public static void headerTips(TableView<?> table) {
        for (TableColumn<?, ?> c : table.getColumns()) {
            if (c.getGraphic() == null && c.getText() != null && !c.getText().isEmpty()) {
                Label header = new Label(c.getText());
                header.setTooltip(new Tooltip(c.getText()));
                c.setText(null);
                c.setGraphic(header);
            }
        }
    }

    /**
     * Makes {@code table}'s columns share its width, never narrower than {@code minWidthsPx} (one per column, in
     * order), each giving way in proportion to its preferred width (so no sideways scroll in a narrow window), and
     * gives each header a tooltip in case it is cut.
     */
    public static void fitColumns(TableView<?> table, double... minWidthsPx) {
        if (minWidthsPx.length != table.getColumns().size()) {
            throw new IllegalArgumentException("minWidthsPx has " + minWidthsPx.length + " widths for " + table.getColumns().size()
                    + " columns");
        }
        for (int i = 0; i < minWidthsPx.length; i++) {
            table.getColumns().get(i).setMinWidth(minWidthsPx[i]);
        }
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        headerTips(table);
    }

    /**
     * Cells of text that a narrow column cuts with an ellipsis ("Primary aluminium P10..."): the whole text is their
     * tooltip.
     */
    public static <R> TableColumn<R, String> wholeTextTips(TableColumn<R, String> column) {
        column.setCellFactory(col -> new TableCell<>() {
            private final Tooltip tip = new Tooltip();

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                boolean blank = empty || item == null || item.isEmpty();
                setText(blank ? null : item);
                tip.setText(blank ? "" : item);
                setTooltip(blank ? null : tip);
            }
        });
        return column;
    }

    /**
     * Puts {@code split}'s dividers where {@code memory} kept them under {@code name} (else leaves them where the
     * screen put them), again whenever its panes change (an editor opened beside a list), and keeps where the user
     * drags them.
     */
    public static void rememberDividers(javafx.scene.control.SplitPane split, DividerMemory memory, String name) {
        Runnable restore = () -> {
            double[] now = split.getDividerPositions();
            if (now.length > 0) {
                split.setDividerPositions(memory.positions(name, now));
            }
        };
        restore.run();
        // later: a screen that adds a pane puts the new divider at its own default right after adding it
        split.getDividers().addListener((javafx.collections.ListChangeListener<javafx.scene.control.SplitPane.Divider>) c ->
                javafx.application.Platform.runLater(restore));
        split.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_RELEASED, e -> {
            if (onDivider(e.getTarget(), split)) {
                memory.moved(name, split.getDividerPositions());
            }
        });
    }

    /** Whether {@code target} is (in) one of {@code split}'s own dividers, not a nested split pane's. */
    private static boolean onDivider(Object target, javafx.scene.control.SplitPane split) {
        for (Node n = target instanceof Node node ? node : null; n != null && n != split; n = n.getParent()) {
            if (n.getStyleClass().contains("split-pane-divider")) {
                return n.getParent() == split;
            }
        }
        return false;
    }

    /** A read-only, unsortable column of text. */
    public static <R> TableColumn<R, String> column(String title, Function<R, String> text, double width) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(text.apply(cd.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    /** A list of messages, each wrapped to the list's width; {@code placeholder} when there are none. */
    public static ListView<String> messageList(ObservableList<String> items, String placeholder, String id, double heightPx) {
        ListView<String> list = new ListView<>(items);
        list.setId(id);
        list.setPlaceholder(new Label(placeholder));
        list.setPrefHeight(heightPx);
        list.setCellFactory(lv -> new ListCell<>() {
            {
                setWrapText(true);
                prefWidthProperty().bind(lv.widthProperty().subtract(20));
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        });
        return list;
    }

    /**
     * {@code content} while the library database is available, else {@code message} (which database,
     * why it is not open) in its place; {@code onShown} runs each time the screen is shown again, so
     * that what other screens or programs stored meanwhile appears.
     */
    public static Parent needsDatabase(Node content, ObservableBooleanValue available, ObservableStringValue message, String id,
                                       Runnable onShown) {
        content.visibleProperty().bind(available);
        Label unavailable = new Label();
        unavailable.textProperty().bind(message);
        unavailable.setWrapText(true);
        // Wrapped to a readable width: a server's refusal can be a long sentence.
        unavailable.setMaxWidth(720);
        unavailable.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        unavailable.getStyleClass().add("placeholder-text");
        unavailable.visibleProperty().bind(Bindings.not(available));
        StackPane root = new StackPane(content, unavailable);
        root.setPadding(new Insets(8));
        root.setId(id);
        root.sceneProperty().addListener((o, a, b) -> {
            if (b != null) {
                onShown.run();
            }
        });
        return root;
    }

    /**
     * Marks {@code control} red (the {@code invalid} style class) while {@code error} says why its value was refused,
     * with the reason as its tooltip; else its tooltip is {@code hint} (null: none).
     */
    public static void markInvalid(javafx.scene.control.Control control, ObservableStringValue error, String hint) {
        Runnable mark = () -> {
            String why = error.get();
            boolean refused = why != null && !why.isEmpty();
            control.getStyleClass().remove("invalid");
            control.setTooltip(refused ? new Tooltip(why) : hint == null ? null : new Tooltip(hint));
            if (refused) {
                control.getStyleClass().add("invalid");
            }
        };
        heldBy(control, error, (o, a, b) -> mark.run());
        mark.run();
    }

    /** A button that runs {@code action}, never narrower than its text. */
    public static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }

    /**
     * Keeps {@code table}'s selection and {@code selected} (a view model's) the same both ways, and opens the
     * selected row with {@code edit} on a double click. A selection lost to a refresh that empties the table is
     * passed on; one lost while rows remain (a re-sort, a refill about to reselect) is not.
     */
    public static <T> void followSelection(TableView<T> table, ObjectProperty<T> selected, Runnable edit) {
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null || !table.getItems().isEmpty()) {
                selected.set(b);
            }
        });
        heldBy(table, selected, (o, a, b) -> {
            if (b != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(b);
            }
        });
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && selected.get() != null) {
                edit.run();
            }
        });
    }

    /**
     * Adds {@code listener} to {@code source} (a view model's, which outlives the view) weakly, held by {@code owner}
     * (the node it serves): the listener lives as long as that node, so a view dropped by a language switch does not
     * stay reachable through it ({@link ViewLifetime}).
     */
    public static <T> void heldBy(Node owner, javafx.beans.value.ObservableValue<T> source,
                           javafx.beans.value.ChangeListener<? super T> listener) {
        @SuppressWarnings("unchecked")
        java.util.List<Object> held = (java.util.List<Object>) owner.getProperties().computeIfAbsent(HELD_LISTENERS,
                k -> new java.util.ArrayList<>());
        held.add(listener);
        source.addListener(new javafx.beans.value.WeakChangeListener<>(listener));
    }
}
