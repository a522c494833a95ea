package ca.scalloy.ui.documents;

import java.util.Locale;

import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

import ca.scalloy.ui.common.ChoiceLabels;
import ca.scalloy.ui.common.Messages;

/** The Settings dialog over a loaded {@link SettingsViewModel}; Save saves, Cancel leaves the settings as they were. */
public final class SettingsDialog {

    private SettingsDialog() {
    }

    /** Shows the dialog and waits for the user. */
    public static void show(Window owner, SettingsViewModel vm) {
        Messages m = vm.messages();
        TextField name = new TextField();
        name.setId("settingsCompanyName");
        name.textProperty().bindBidirectional(vm.companyNameProperty());
        TextField address = new TextField();
        address.setId("settingsCompanyAddress");
        address.setPrefColumnCount(36);
        address.textProperty().bindBidirectional(vm.companyAddressProperty());
        ChoiceBox<Locale> language = new ChoiceBox<>();
        language.setId("settingsDocumentLanguage");
        language.getItems().setAll(DocumentPreviewViewModel.languages());
        language.setConverter(ChoiceLabels.of(DocumentPreviewViewModel.languages(), l -> m.get("preview.language." + l.getLanguage())));
        language.valueProperty().bindBidirectional(vm.documentLanguageProperty());

        TextField currency = new TextField();
        currency.setId("settingsCurrency");
        currency.setPrefColumnCount(5);
        currency.textProperty().bindBidirectional(vm.currencyProperty());
        TextField ppm = new TextField();
        ppm.setId("settingsPpmElements");
        ppm.textProperty().bindBidirectional(vm.ppmElementsProperty());
        TextField priceAge = new TextField();
        priceAge.setId("settingsPriceMaxAgeDays");
        priceAge.setPrefColumnCount(5);
        priceAge.textProperty().bindBidirectional(vm.priceMaxAgeDaysProperty());

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(12));
        grid.addRow(0, new Label(m.get("settings.companyName")), name);
        grid.addRow(1, new Label(m.get("settings.companyAddress")), address);
        grid.addRow(2, new Label(m.get("settings.documentLanguage")), language);
        grid.addRow(3, new Label(m.get("settings.currency")), currency);
        grid.addRow(4, new Label(m.get("settings.ppmElements")), ppm);
        grid.addRow(5, new Label(m.get("settings.priceMaxAgeDays")), priceAge);

        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(m.get("settings.title"));
        ButtonType save = new ButtonType(m.get("settings.save"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(m.get("settings.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(save, cancel);
        dialog.getDialogPane().setContent(grid);
        if (dialog.showAndWait().filter(b -> b == save).isPresent()) {
            vm.save();
        }
    }
}
