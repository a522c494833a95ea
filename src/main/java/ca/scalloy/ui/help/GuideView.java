package ca.scalloy.ui.help;

import java.net.URL;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import javafx.stage.Window;

import ca.scalloy.ui.common.Messages;

/**
 * Help › User guide: the guide's {@link Markdown} blocks drawn as JavaFX nodes in a window of its own, with
 * its contents (the level-1 and level-2 headings) on the left; a click on one, or on a link to {@code #anchor},
 * scrolls there. Needs no browser and no network: the guide and its screenshots come from the jar.
 */
public final class GuideView {

    /** Widest a line of text is drawn, for reading; the window may be wider. */
    private static final double TEXT_WIDTH_PX = 920;
    private static final double WIDTH_PX = 1180;
    private static final double HEIGHT_PX = 820;

    private final Messages m;
    private final Function<String, URL> images;
    private final Consumer<String> openExternal;
    private final ScrollPane scroll = new ScrollPane();
    private final VBox content = new VBox(10);
    private final Map<String, Node> anchors = new HashMap<>();

    /**
     * @param images the URL of an image path as the guide writes it, or null when there is none
     * @param openExternal what to do with a link that is not to a heading of the guide (e.g. hand it to the desktop)
     */
    private GuideView(Messages messages, Function<String, URL> images, Consumer<String> openExternal) {
        this.m = messages;
        this.images = images;
        this.openExternal = openExternal;
    }

    /**
     * Opens the guide in a window owned by {@code owner}, styled as the owner; the caller keeps it to bring it to
     * the front next time.
     */
    public static Stage show(Window owner, Messages messages, List<Markdown.Block> guide, Function<String, URL> images,
                             Consumer<String> openExternal) {
        GuideView view = new GuideView(messages, images, openExternal);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(messages.get("guide.title"));
        Scene scene = new Scene(view.build(guide), WIDTH_PX, HEIGHT_PX);
        scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        stage.setScene(scene);
        stage.show();
        return stage;
    }

    private BorderPane build(List<Markdown.Block> blocks) {
        content.setId("guideContent");
        content.getStyleClass().add("guide");
        content.setPadding(new Insets(20, 28, 28, 28));
        content.setMaxWidth(TEXT_WIDTH_PX);
        List<Markdown.Heading> contents = new ArrayList<>();
        for (Markdown.Block b : blocks) {
            Node node = node(b);
            if (b instanceof Markdown.Heading h) {
                anchors.putIfAbsent(h.anchor(), node);
                if (h.level() <= 2) {
                    contents.add(h);
                }
            }
            content.getChildren().add(node);
        }
        StackPane centred = new StackPane(content);
        centred.setAlignment(Pos.TOP_LEFT);
        scroll.setContent(centred);
        scroll.setFitToWidth(true);
        scroll.setId("guideScroll");

        ListView<Markdown.Heading> list = new ListView<>();
        list.setId("guideContents");
        list.getItems().setAll(contents);
        list.setPrefWidth(260);
        list.setAccessibleText(m.get("guide.contents"));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Markdown.Heading h, boolean empty) {
                super.updateItem(h, empty);
                setText(empty || h == null ? null : Markdown.plainText(h.spans()));
                // a long heading wraps within the list rather than making it scroll sideways
                setWrapText(true);
                setPrefWidth(0);
                setStyle(empty || h == null || h.level() == 1 ? "-fx-font-weight: bold;" : "-fx-padding: 2 4 2 14;");
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, h) -> {
            if (h != null) {
                scrollTo(h.anchor());
            }
        });
        Label title = new Label(m.get("guide.contents"));
        title.getStyleClass().add("section-title");
        VBox side = new VBox(6, title, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        side.setPadding(new Insets(10, 0, 10, 10));

        BorderPane root = new BorderPane(scroll);
        root.setLeft(side);
        root.setId("userGuide");
        return root;
    }

    /** Scrolls so that the heading with {@code anchor} is at the top; nothing when there is none. */
    private void scrollTo(String anchor) {
        Node target = anchors.get(anchor);
        if (target == null) {
            return;
        }
        double y = target.getBoundsInParent().getMinY();
        double range = content.getHeight() - scroll.getViewportBounds().getHeight();
        scroll.setVvalue(range <= 0 ? 0 : Math.min(1, y / range));
    }

    private Node node(Markdown.Block block) {
        if (block instanceof Markdown.Heading h) {
            return flow(h.spans(), "guide-h" + h.level());
        } else if (block instanceof Markdown.Paragraph p) {
            return flow(p.spans(), "guide-paragraph");
        } else if (block instanceof Markdown.Quote q) {
            return flow(q.spans(), "guide-quote");
        } else if (block instanceof Markdown.Item i) {
            return item(i);
        } else if (block instanceof Markdown.Table t) {
            return table(t);
        } else if (block instanceof Markdown.Image i) {
            return image(i);
        }
        Label code = new Label(((Markdown.Code) block).text());
        code.getStyleClass().add("guide-code-block");
        code.setMaxWidth(Double.MAX_VALUE);
        return code;
    }

    private TextFlow flow(List<Markdown.Span> spans, String styleClass) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add(styleClass);
        for (Markdown.Span s : spans) {
            Text t = new Text(s.text());
            t.getStyleClass().addAll("guide-span", "guide-" + s.style().name().toLowerCase(java.util.Locale.ROOT));
            if (s.style() == Markdown.Style.LINK) {
                t.setOnMouseClicked(e -> follow(s.target()));
                t.setCursor(javafx.scene.Cursor.HAND);
            }
            flow.getChildren().add(t);
        }
        flow.setMinWidth(0);
        return flow;
    }

    private void follow(String target) {
        if (target.startsWith("#")) {
            scrollTo(target.substring(1));
        } else {
            openExternal.accept(target);
        }
    }

    private Node item(Markdown.Item item) {
        Label mark = new Label(item.number() > 0 ? item.number() + "." : item.depth() == 0 ? "\u2022" : "\u2013");
        mark.setMinWidth(22);
        mark.getStyleClass().add("guide-bullet");
        TextFlow text = flow(item.spans(), "guide-item");
        HBox row = new HBox(2, mark, text);
        HBox.setHgrow(text, Priority.ALWAYS);
        row.setPadding(new Insets(0, 0, 0, 8 + 22 * item.depth()));
        return row;
    }

    private Node table(Markdown.Table table) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("guide-table");
        int columns = table.header().size();
        // Each column's share of the width follows its longest cell, within limits, so that a column of
        // short words does not take as much as one of sentences.
        double[] weight = new double[columns];
        for (int c = 0; c < columns; c++) {
            weight[c] = Markdown.plainText(table.header().get(c)).length();
            for (List<List<Markdown.Span>> row : table.rows()) {
                weight[c] = Math.max(weight[c], Markdown.plainText(row.get(c)).length());
            }
            weight[c] = Math.max(8, Math.min(60, weight[c]));
        }
        double total = java.util.Arrays.stream(weight).sum();
        for (int c = 0; c < columns; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100 * weight[c] / total);
            grid.getColumnConstraints().add(cc);
            grid.add(cell(table.header().get(c), "guide-header-cell"), c, 0);
            for (int r = 0; r < table.rows().size(); r++) {
                grid.add(cell(table.rows().get(r).get(c), "guide-cell"), c, r + 1);
            }
        }
        return grid;
    }

    private Node cell(List<Markdown.Span> spans, String styleClass) {
        StackPane cell = new StackPane(flow(spans, "guide-cell-text"));
        cell.setAlignment(Pos.TOP_LEFT);
        cell.getStyleClass().add(styleClass);
        cell.setMaxHeight(Double.MAX_VALUE);
        return cell;
    }

    private Node image(Markdown.Image image) {
        URL url = images.apply(image.path());
        if (url == null) {
            Label missing = new Label(m.get("guide.missingImage", image.path()));
            missing.getStyleClass().add("guide-missing-image");
            return missing;
        }
        Image picture = new Image(url.toExternalForm());
        ImageView view = new ImageView(picture);
        view.setPreserveRatio(true);
        view.setSmooth(true);
        // as wide as the text, never wider than the picture itself
        view.fitWidthProperty().bind(Bindings.min(picture.getWidth(),
                Bindings.max(100, content.widthProperty().subtract(content.getPadding().getLeft() + content.getPadding().getRight()))));
        view.setAccessibleText(image.alt());
        Label caption = new Label(image.alt());
        caption.setWrapText(true);
        caption.getStyleClass().add("guide-caption");
        VBox box = new VBox(4, view, caption);
        box.getStyleClass().add("guide-image");
        return box;
    }
}
