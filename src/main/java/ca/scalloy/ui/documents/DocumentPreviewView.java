package ca.scalloy.ui.documents;

import java.util.List;
import java.util.Locale;

import javafx.beans.binding.Bindings;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import ca.scalloy.io.BatchSheetPdf.Paper;
import ca.scalloy.ui.common.ChoiceLabels;
import ca.scalloy.ui.common.Messages;

/**
 * The preview window of a document: language, paper, page navigation, Save PDF… and Print… above the
 * page; the page is fitted to the window's width. Other screens (e.g. a heat's certificate) can show
 * any {@link DocumentPreviewViewModel} with {@link #show(Window, DocumentPreviewViewModel)}.
 */
public final class DocumentPreviewView {

    private static final double WIDTH_PX = 860;
    private static final double HEIGHT_PX = 720;

    private final DocumentPreviewViewModel vm;
    private final Messages m;
    private final Runnable close;

    public DocumentPreviewView(DocumentPreviewViewModel vm, Runnable close) {
        this.vm = vm;
        this.m = vm.messages();
        this.close = close;
    }

    /** Opens the preview in its own window, owned by {@code owner}. */
    public static Stage show(Window owner, DocumentPreviewViewModel vm) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(vm.title());
        Scene scene = new Scene(new DocumentPreviewView(vm, stage::close).build(), WIDTH_PX, HEIGHT_PX);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.show();
        return stage;
    }

    public Parent build() {
        ChoiceBox<Locale> language = new ChoiceBox<>();
        language.setId("previewLanguage");
        language.getItems().setAll(DocumentPreviewViewModel.languages());
        language.setConverter(ChoiceLabels.of(DocumentPreviewViewModel.languages(), l -> m.get("preview.language." + l.getLanguage())));
        language.valueProperty().bindBidirectional(vm.languageProperty());

        ChoiceBox<Paper> paper = new ChoiceBox<>();
        paper.setId("previewPaper");
        paper.getItems().setAll(Paper.values());
        paper.setConverter(ChoiceLabels.of(List.of(Paper.values()), p -> m.label("preview.paper", p)));
        paper.valueProperty().bindBidirectional(vm.paperProperty());

        Button previous = new Button("◀");
        previous.setId("previewPrevious");
        previous.setAccessibleText(m.get("preview.previous"));
        previous.setOnAction(e -> vm.previousPage());
        previous.disableProperty().bind(vm.pageIndexProperty().lessThanOrEqualTo(0));
        Button next = new Button("▶");
        next.setId("previewNext");
        next.setAccessibleText(m.get("preview.next"));
        next.setOnAction(e -> vm.nextPage());
        next.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.pageIndexProperty().get() + 1 >= vm.pages().size(),
                vm.pageIndexProperty(), vm.pages()));
        Label pageLabel = new Label();
        pageLabel.setId("previewPageLabel");
        pageLabel.textProperty().bind(Bindings.createStringBinding(vm::pageLabel, vm.pageIndexProperty(), vm.pages()));

        Button save = new Button(m.get("preview.savePdf"));
        save.setId("previewSavePdf");
        save.setOnAction(e -> vm.savePdf());
        Button print = new Button(m.get("preview.print"));
        print.setId("previewPrint");
        print.setOnAction(e -> vm.print());
        save.disableProperty().bind(vm.busyProperty());
        print.disableProperty().bind(vm.busyProperty());
        Button closeButton = new Button(m.get("preview.close"));
        closeButton.setCancelButton(true);
        closeButton.setOnAction(e -> close.run());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, new Label(m.get("preview.language")), language, new Label(m.get("preview.paper")), paper,
                previous, pageLabel, next, spacer, save, print, closeButton);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8));
        // A document's optional appendix on a line of its own under the bar, which has no room left for it.
        VBox top = new VBox(bar);
        vm.appendixLabel().ifPresent(label -> {
            CheckBox appendix = new CheckBox(label);
            appendix.setId("previewAppendix");
            appendix.selectedProperty().bindBidirectional(vm.appendixProperty());
            appendix.setPadding(new Insets(0, 8, 8, 8));
            top.getChildren().add(appendix);
        });

        ImageView image = new ImageView();
        image.setId("previewPage");
        image.setPreserveRatio(true);
        image.setSmooth(true);
        image.imageProperty().bind(Bindings.createObjectBinding(() -> vm.pageProperty().get() == null ? null
                : SwingFXUtils.toFXImage(vm.pageProperty().get(), null), vm.pageProperty()));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setMaxSize(48, 48);
        busy.visibleProperty().bind(vm.busyProperty());
        StackPane paperPane = new StackPane(image, busy);
        paperPane.setPadding(new Insets(12));
        paperPane.setStyle("-fx-background-color: #808080;");
        ScrollPane scroll = new ScrollPane(paperPane);
        scroll.setFitToWidth(true);
        paperPane.minHeightProperty().bind(Bindings.createDoubleBinding(() -> scroll.getViewportBounds().getHeight(),
                scroll.viewportBoundsProperty()));
        image.fitWidthProperty().bind(Bindings.createDoubleBinding(() -> Math.max(200, scroll.getViewportBounds().getWidth() - 24),
                scroll.viewportBoundsProperty()));

        Label status = new Label();
        status.setId("previewStatus");
        status.textProperty().bind(vm.statusProperty());
        status.setWrapText(true);
        status.setPadding(new Insets(4, 8, 6, 8));

        BorderPane root = new BorderPane(scroll);
        root.setTop(top);
        root.setBottom(status);
        root.setId("documentPreview");
        return root;
    }
}
