package ca.scalloy.ui.documents;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import ca.scalloy.engine.Quantities;
import ca.scalloy.engine.library.PriceFreshness;
import ca.scalloy.store.Database;
import ca.scalloy.store.SettingsRepository;
import ca.scalloy.ui.common.DialogService;
import ca.scalloy.ui.common.LibraryStore;
import ca.scalloy.ui.common.MessageWords;
import ca.scalloy.ui.common.Messages;
import ca.scalloy.ui.common.PlantUnits;

/**
 * Edit › Settings…: the company name and address printed on documents, the documents' language, and
 * the plant's currency and elements read in ppm (used by every screen and document), the age past which a library
 * price is flagged,
 * kept (and audited) in the library database's settings.
 */
public final class SettingsViewModel {

    private final LibraryStore library;
    private final DialogService dialogs;
    private final Messages messages;
    private final StringProperty companyName = new SimpleStringProperty(this, "companyName", "");
    private final StringProperty companyAddress = new SimpleStringProperty(this, "companyAddress", "");
    private final StringProperty currency = new SimpleStringProperty(this, "currency", Quantities.DEFAULT_CURRENCY);
    private final StringProperty ppmElements = new SimpleStringProperty(this, "ppmElements",
            String.join(", ", Quantities.DEFAULT_PPM_ELEMENTS));
    private final StringProperty priceMaxAgeDays = new SimpleStringProperty(this, "priceMaxAgeDays",
            String.valueOf(PriceFreshness.DEFAULT_MAX_AGE_DAYS));
    private final ObjectProperty<Locale> documentLanguage = new SimpleObjectProperty<>(this, "documentLanguage", Locale.ENGLISH);

    public SettingsViewModel(Messages messages, LibraryStore library, DialogService dialogs) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.library = Objects.requireNonNull(library, "library");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
    }

    private record Values(String name, String address, Locale language, String currency, String ppmElements, int priceMaxAgeDays) {
    }

    /**
     * Reads the settings off the UI thread, then runs {@code show}; with no database open, says why
     * there are no settings to edit.
     */
    public void load(Runnable show) {
        Database db = library.database();
        if (db == null) {
            dialogs.showError(messages.get("settings.title"), messages.get("settings.noDatabase", library.messageProperty().get()));
            return;
        }
        Locale uiLanguage = messages.locale();
        library.executor().run(() -> {
            SettingsRepository s = db.settings();
            return new Values(s.get(SettingsRepository.COMPANY_NAME, ""), s.get(SettingsRepository.COMPANY_ADDRESS, ""),
                    DocumentPreviewViewModel.documentLanguage(s.get(SettingsRepository.DOCUMENT_LANGUAGE)
                            .map(Locale::forLanguageTag).orElse(uiLanguage)),
                    s.get(SettingsRepository.PLANT_CURRENCY, Quantities.DEFAULT_CURRENCY),
                    s.get(SettingsRepository.PLANT_PPM_ELEMENTS, String.join(", ", Quantities.DEFAULT_PPM_ELEMENTS)),
                    s.priceMaxAgeDays());
        }, v -> {
            companyName.set(v.name());
            companyAddress.set(v.address());
            documentLanguage.set(v.language());
            currency.set(v.currency());
            ppmElements.set(v.ppmElements());
            priceMaxAgeDays.set(String.valueOf(v.priceMaxAgeDays()));
            show.run();
        }, e -> {
                    if (!LibraryStore.alreadyReported(e)) {
                        dialogs.showError(messages.get("settings.title"), MessageWords.failure(e, messages, "settings.failed"));
                    }
                });
    }

    /** Saves the settings (each audited) off the UI thread. */
    public void save() {
        Database db = library.database();
        if (db == null) {
            dialogs.showError(messages.get("settings.title"), messages.get("settings.noDatabase", library.messageProperty().get()));
            return;
        }
        String code = currency.get().strip().toUpperCase(Locale.ROOT);
        if (!Quantities.isCurrencyCode(code)) {
            dialogs.showError(messages.get("settings.title"), messages.get("settings.currency.invalid", currency.get().strip()));
            return;
        }
        List<String> ppm;
        try {
            ppm = Quantities.parsePpmElements(ppmElements.get());
        } catch (IllegalArgumentException e) {
            dialogs.showError(messages.get("settings.title"), messages.get("settings.ppmElements.invalid", ppmElements.get().strip()));
            return;
        }
        int maxAgeDays;
        try {
            maxAgeDays = PriceFreshness.parseMaxAgeDays(priceMaxAgeDays.get());
        } catch (IllegalArgumentException e) {
            dialogs.showError(messages.get("settings.title"), messages.get("settings.priceMaxAgeDays.invalid", priceMaxAgeDays.get().strip()));
            return;
        }
        Values v = new Values(companyName.get().strip(), companyAddress.get().strip(),
                DocumentPreviewViewModel.documentLanguage(documentLanguage.get()), code, String.join(", ", ppm), maxAgeDays);
        String reason = messages.get("settings.reason");
        library.executor().run(() -> {
            SettingsRepository s = db.settings();
            s.set(SettingsRepository.COMPANY_NAME, v.name(), reason);
            s.set(SettingsRepository.COMPANY_ADDRESS, v.address(), reason);
            s.set(SettingsRepository.DOCUMENT_LANGUAGE, v.language().getLanguage(), reason);
            s.set(SettingsRepository.PLANT_CURRENCY, v.currency(), reason);
            s.set(SettingsRepository.PLANT_PPM_ELEMENTS, v.ppmElements(), reason);
            s.set(SettingsRepository.PRICE_MAX_AGE_DAYS, String.valueOf(v.priceMaxAgeDays()), reason);
            PlantUnits.set(s.plantUnits(Quantities.of(Locale.ROOT)));
            return v;
        }, saved -> dialogs.showInformation(messages.get("settings.title"), messages.get("settings.saved")),
                e -> {
                    if (!LibraryStore.alreadyReported(e)) {
                        dialogs.showError(messages.get("settings.title"), MessageWords.failure(e, messages, "settings.failed"));
                    }
                });
    }

    public Messages messages() {
        return messages;
    }

    public StringProperty companyNameProperty() {
        return companyName;
    }

    public StringProperty companyAddressProperty() {
        return companyAddress;
    }

    /** The age in days past which a library price is flagged, as typed ("90"). */
    public StringProperty priceMaxAgeDaysProperty() {
        return priceMaxAgeDays;
    }

    /** The plant's currency, an ISO 4217 code such as CAD. */
    public StringProperty currencyProperty() {
        return currency;
    }

    /** The elements the plant reads in ppm, as typed ("Na, Ca, Be"). */
    public StringProperty ppmElementsProperty() {
        return ppmElements;
    }

    public ObjectProperty<Locale> documentLanguageProperty() {
        return documentLanguage;
    }
}
