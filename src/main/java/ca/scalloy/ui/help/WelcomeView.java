package ca.scalloy.ui.help;

import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

import ca.scalloy.ui.common.Messages;

/** The welcome dialog over a {@link WelcomeViewModel}: what Scalloy does, the examples, the guide, "Show at start". */
public final class WelcomeView {

    private WelcomeView() {
    }

    /** Builds the dialog, not shown; it closes itself when the model asks (an example opened). */
    public static Dialog<ButtonType> build(Window owner, WelcomeViewModel vm) {
        Messages m = vm.messages();
        Label intro = new Label(m.get("welcome.intro"));
        intro.setWrapText(true);
        Label examplesTitle = new Label(m.get("welcome.examples"));
        examplesTitle.getStyleClass().add("section-title");
        // "Essayez un exemple (il s'ouvre dans l'écran Charge; …)" is longer than the dialog is wide
        examplesTitle.setWrapText(true);

        GridPane examples = new GridPane();
        examples.setHgap(12);
        examples.setVgap(2);
        int row = 0;
        for (WelcomeViewModel.Example e : vm.examples()) {
            Hyperlink open = new Hyperlink(e.name() + ".json");
            open.setId("welcomeExample-" + e.name());
            open.setAccessibleText(m.get("welcome.openExample", e.name() + ".json", e.description()));
            open.setOnAction(a -> vm.open(e));
            // the file's name whole ("almgsc-5028-sensitivity.json"); its description wraps instead
            open.setMinWidth(Region.USE_PREF_SIZE);
            Label what = new Label(e.description());
            what.setWrapText(true);
            examples.addRow(row++, open, what);
        }

        Hyperlink guide = new Hyperlink(m.get("welcome.guide"));
        guide.setId("welcomeGuide");
        guide.setWrapText(true);
        guide.setOnAction(a -> vm.openUserGuide());
        Label later = new Label(m.get("welcome.later"));
        later.setWrapText(true);
        later.getStyleClass().add("welcome-note");
        CheckBox atStart = new CheckBox(m.get("welcome.showAtStart"));
        atStart.setId("welcomeShowAtStart");
        atStart.selectedProperty().bindBidirectional(vm.showAtStartProperty());

        VBox content = new VBox(10, intro, examplesTitle, examples, guide, later, atStart);
        content.setPadding(new Insets(4, 8, 4, 8));
        content.setPrefWidth(720);

        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        // not modal: the guide it opens, and the window behind, stay usable while it is open
        dialog.initModality(Modality.NONE);
        dialog.setTitle(m.get("welcome.title"));
        dialog.setHeaderText(m.get("welcome.header"));
        dialog.getDialogPane().setId("welcome");
        dialog.getDialogPane().getButtonTypes().setAll(new ButtonType(m.get("welcome.close"), ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.getDialogPane().setContent(content);
        vm.closeRequestedProperty().addListener((o, was, now) -> {
            if (now) {
                dialog.close();
            }
        });
        return dialog;
    }
}
