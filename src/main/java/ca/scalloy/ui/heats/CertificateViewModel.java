package ca.scalloy.ui.heats;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import ca.scalloy.engine.doc.CertificateOfAnalysis;
import ca.scalloy.engine.heat.HeatRecord;
import ca.scalloy.engine.heat.HeatSample;
import ca.scalloy.engine.heat.HeatAction;
import ca.scalloy.engine.heat.HeatWorkflow;
import ca.scalloy.io.CertificatePdf;
import ca.scalloy.store.CertificateRepository;
import ca.scalloy.store.Database;
import ca.scalloy.store.SettingsRepository;
import ca.scalloy.ui.common.DialogService;
import ca.scalloy.ui.common.InputException;
import ca.scalloy.ui.common.LibraryStore;
import ca.scalloy.ui.common.MessageWords;
import ca.scalloy.ui.common.Messages;
import ca.scalloy.ui.common.Numbers;
import ca.scalloy.ui.common.PlantUnits;
import ca.scalloy.ui.documents.DocumentPreviewViewModel;
import ca.scalloy.ui.documents.DocumentsViewModel;
import ca.scalloy.ui.documents.Printing;

/**
 * A cast or released heat's cast record and certificates of analysis: "Record cast…" keeps the cast
 * kg and pieces; "Certificate…" issues a certificate (a failing last sample needs a concession and its
 * reason) and opens its preview, to be saved as PDF or printed. The heat's certificates are listed.
 */
public final class CertificateViewModel {

    private final LibraryStore store;
    private final DialogService dialogs;
    private final Printing printing;
    private final DocumentsViewModel.PreviewWindows windows;
    private final Runnable onChanged;
    private final Consumer<String> say;
    private Messages messages;
    private String number;

    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(this, "available");
    private final ReadOnlyBooleanWrapper concessionRequired = new ReadOnlyBooleanWrapper(this, "concessionRequired");
    private final ReadOnlyStringWrapper concessionLabel = new ReadOnlyStringWrapper(this, "concessionLabel", "");
    private final ReadOnlyStringWrapper castText = new ReadOnlyStringWrapper(this, "castText", "");
    private final StringProperty castKg = new SimpleStringProperty(this, "castKg", "");
    private final StringProperty pieces = new SimpleStringProperty(this, "pieces", "");
    private final StringProperty customer = new SimpleStringProperty(this, "customer", "");
    private final StringProperty order = new SimpleStringProperty(this, "order", "");
    private final StringProperty product = new SimpleStringProperty(this, "product", "");
    private final StringProperty signatory = new SimpleStringProperty(this, "signatory", "");
    private final StringProperty role = new SimpleStringProperty(this, "role", "");
    private final StringProperty concession = new SimpleStringProperty(this, "concession", "");
    private final ObservableList<String> certificates = FXCollections.observableArrayList();

    /**
     * @param windows   opens the preview of an issued certificate
     * @param onChanged called after a write (the page and the list read the heat again)
     * @param say       shows what an action did, or why it was refused, on the heat page
     */
    CertificateViewModel(Messages messages, LibraryStore store, DialogService dialogs, Printing printing,
                         DocumentsViewModel.PreviewWindows windows, Runnable onChanged, Consumer<String> say) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.store = Objects.requireNonNull(store, "store");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.printing = Objects.requireNonNull(printing, "printing");
        this.windows = Objects.requireNonNull(windows, "windows");
        this.onChanged = Objects.requireNonNull(onChanged, "onChanged");
        this.say = Objects.requireNonNull(say, "say");
        role.set(messages.get("heats.cert.defaultRole"));
    }

    /** The revision of the heat shown, which a certificate is issued for. */
    private Integer revision;

    private record Loaded(Optional<Double> castKg, List<String> certificates) {
    }

    /** Shows the cast and certificates of {@code r}, or nothing when it is null or not yet cast. */
    void show(HeatRecord r) {
        String n = r == null ? null : r.heat().number();
        if (!Objects.equals(n, number)) {
            castKg.set("");
            pieces.set("");
            concession.set("");
        }
        number = n;
        revision = r == null ? null : r.heat().revision();
        boolean cast = r != null && HeatWorkflow.standard().allows(HeatAction.CERTIFY, r.heat().status());
        available.set(cast);
        List<HeatSample> samples = r == null ? List.of() : r.samples();
        // The certificate's own rule (CertificateOfAnalysis): a concession unless the last sample meets the specification.
        concessionRequired.set(!samples.isEmpty() && !samples.get(samples.size() - 1).meetsSpecification());
        concessionLabel.set(messages.get(concessionRequired.get() ? "heats.cert.concession.required" : "heats.cert.concession.optional"));
        Database db = store.database();
        if (!cast || db == null) {
            castText.set("");
            certificates.clear();
            return;
        }
        store.executor().run(() -> new Loaded(db.certificates().castKg(n), db.certificates().certificatesOf(n)), loaded -> {
            if (!n.equals(number)) {
                return;
            }
            castText.set(loaded.castKg().map(kg -> messages.get("heats.cast.recorded", messages.quantities().kgNumber(kg)))
                    .orElse(messages.get("heats.cast.none")));
            certificates.setAll(loaded.certificates());
        }, e -> say.accept(MessageWords.failure(e, messages)));
    }

    /** "Record cast…": the cast kg (above 0) and pieces (optional, 0 or more) typed. */
    public void recordCast() {
        Database db = store.database();
        String n = number;
        if (db == null || n == null || !available.get()) {
            return;
        }
        double kg;
        Integer count;
        try {
            Double typed = Numbers.parseOptional(castKg.get());
            if (typed == null || typed <= 0) {
                say.accept(messages.get("heats.cast.badKg", castKg.get().strip(), messages.get("heats.cast.positive")));
                return;
            }
            kg = typed;
        } catch (InputException e) {
            say.accept(messages.get("heats.cast.badKg", castKg.get().strip(), e.localized(messages)));
            return;
        }
        try {
            count = pieces(pieces.get());
        } catch (InputException e) {
            say.accept(messages.get("heats.cast.badPieces", pieces.get().strip(), messages.get("heats.cast.wholeNumber")));
            return;
        }
        store.executor().run(() -> {
            db.certificates().recordCast(n, kg, count, "");
            return n;
        }, done -> {
            say.accept(messages.get("heats.cast.done", done, messages.quantities().kgNumber(kg)));
            onChanged.run();
        }, e -> say.accept(HeatWords.failure(e, messages)));
    }

    /** A whole number of pieces, 0 or more, or null when blank. */
    private static Integer pieces(String text) {
        Double v = Numbers.parseOptional(text);
        if (v == null) {
            return null;
        }
        if (v < 0 || v != Math.rint(v) || v > Integer.MAX_VALUE) {
            throw new InputException("heats.cast.wholeNumber", "must be a whole number, 0 or more", text);
        }
        return v.intValue();
    }

    private record Issued(CertificateOfAnalysis coa, Locale language) {
    }

    /**
     * "Certificate…": issues the certificate of the heat's last sample; a refusal (e.g. a failing
     * analysis without a concession) is explained, an issued one opens in the preview.
     */
    public void issue() {
        Database db = store.database();
        String n = number;
        Integer shown = revision;
        if (db == null || n == null || !available.get()) {
            return;
        }
        CertificateRepository.Request request = new CertificateRepository.Request(customer.get().strip(), order.get().strip(),
                product.get().strip(), null, null, concession.get().isBlank() ? null : concession.get().strip(), "", "",
                signatory.get().strip(), role.get().strip());
        Messages m = messages;
        store.executor().run(() -> {
            // The heat as shown: a sample or cast since then is refused, not certified unseen.
            CertificateOfAnalysis coa = db.certificates().issue(n, request, shown);
            Locale language = db.settings().get(SettingsRepository.DOCUMENT_LANGUAGE).map(Locale::forLanguageTag).orElse(m.locale());
            return new Issued(coa, DocumentPreviewViewModel.documentLanguage(language));
        }, issued -> {
            CertificateOfAnalysis coa = issued.coa();
            concession.set("");
            say.accept(m.get("heats.cert.issued", coa.certificateNumber()));
            onChanged.run();
            windows.show(new DocumentPreviewViewModel(m, m.get("heats.cert.windowTitle", coa.certificateNumber()),
                    coa.certificateNumber() + ".pdf", (lang, paper) -> CertificatePdf.render(coa, PlantUnits.in(lang), paper, null), issued.language(),
                    DocumentsViewModel.defaultPaper(m.locale()), store.executor(), dialogs, printing));
        }, e -> say.accept(m.get("heats.cert.refused", HeatWords.failure(e, m))));
    }

    void setMessages(Messages newMessages) {
        messages = Objects.requireNonNull(newMessages, "messages");
    }

    /** Whether the heat shown is cast or released: only then is a cast recorded or a certificate issued. */
    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    /** Whether the last sample fails, so that a certificate needs a concession. */
    public ReadOnlyBooleanProperty concessionRequiredProperty() {
        return concessionRequired.getReadOnlyProperty();
    }

    /** The concession field's label, saying in words whether it is required. */
    public ReadOnlyStringProperty concessionLabelProperty() {
        return concessionLabel.getReadOnlyProperty();
    }

    /** The cast recorded, in words, or that none is. */
    public ReadOnlyStringProperty castTextProperty() {
        return castText.getReadOnlyProperty();
    }

    /** Cast kg, as typed. */
    public StringProperty castKgProperty() {
        return castKg;
    }

    /** Pieces cast, as typed (optional). */
    public StringProperty piecesProperty() {
        return pieces;
    }

    public StringProperty customerProperty() {
        return customer;
    }

    /** The customer's order and line. */
    public StringProperty orderProperty() {
        return order;
    }

    /** Product and form. */
    public StringProperty productProperty() {
        return product;
    }

    /** The authorised signatory (blank: the user). */
    public StringProperty signatoryProperty() {
        return signatory;
    }

    public StringProperty roleProperty() {
        return role;
    }

    /** The reason of the concession agreed for a failing analysis. */
    public StringProperty concessionProperty() {
        return concession;
    }

    /** The numbers of the heat's certificates, oldest first. */
    public ObservableList<String> certificates() {
        return certificates;
    }
}
