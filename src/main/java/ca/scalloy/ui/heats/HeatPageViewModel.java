package ca.scalloy.ui.heats;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import ca.scalloy.engine.Quantities;
import ca.scalloy.engine.charge.ChargeCalculator;
import ca.scalloy.engine.heat.ElementStatus;
import ca.scalloy.engine.heat.Heat;
import ca.scalloy.engine.heat.HeatAction;
import ca.scalloy.engine.heat.HeatCorrection;
import ca.scalloy.engine.heat.HeatLine;
import ca.scalloy.engine.heat.HeatRecord;
import ca.scalloy.engine.heat.HeatRefusal;
import ca.scalloy.engine.heat.HeatSample;
import ca.scalloy.engine.heat.HeatStatus;
import ca.scalloy.engine.heat.HeatWorkflow;
import ca.scalloy.engine.heat.SampleAnalysis;
import ca.scalloy.engine.heat.SampleCheck;
import ca.scalloy.engine.heat.SampleVerdict;
import ca.scalloy.engine.heat.StatusMove;
import ca.scalloy.engine.library.AuditEntry;
import ca.scalloy.io.ColumnMapping;
import ca.scalloy.io.SpectrometerCsv;
import ca.scalloy.io.SpectrometerFormatException;
import ca.scalloy.io.SpectrometerImport;
import ca.scalloy.store.AuditLog;
import ca.scalloy.store.Database;
import ca.scalloy.engine.Role;
import ca.scalloy.ui.common.AuditHistory;
import ca.scalloy.ui.common.CheckWords;
import ca.scalloy.ui.common.DialogService;
import ca.scalloy.ui.common.ElementAmounts;
import ca.scalloy.ui.common.InputException;
import ca.scalloy.ui.common.LibraryStore;
import ca.scalloy.ui.common.MessageWords;
import ca.scalloy.ui.common.Messages;
import ca.scalloy.ui.common.Numbers;
import ca.scalloy.ui.lots.LotEditorViewModel;
import ca.scalloy.ui.common.RoleGate;
import ca.scalloy.ui.documents.DocumentsViewModel;
import ca.scalloy.ui.documents.Printing;

/**
 * One heat's page: its header and the moves it may make, its charge lines (planned and weighed kg,
 * lot), samples with each element against the specification, corrections, status moves and its
 * history in the audit log. A new sample that fails opens the {@link CorrectionViewModel} at once.
 */
public final class HeatPageViewModel {

    /** A sample with its verdict in words. */
    public record SampleRow(HeatSample sample, String verdictText, String source) {
        public SampleVerdict verdict() {
            return sample.verdict();
        }
    }

    /**
     * One element of a sample against its limits, in words: the value as reported ("not reported", "&lt; 0.0005",
     * never 0.00 for an element not measured) and its status (NOT_REPORTED says why it could not be judged).
     */
    public record CheckRow(String element, String minPct, String maxPct, String valuePct, ElementStatus status, String statusText) {
    }

    private record Loaded(HeatRecord record, List<AuditEntry> history) {
    }

    private final LibraryStore store;
    private final HeatWorkflow workflow = HeatWorkflow.standard();
    private final DialogService dialogs;
    private final Runnable onChanged;
    private final CorrectionViewModel correction;
    private final LotEditorViewModel lotEditor;
    private final CertificateViewModel certificate;
    private Messages messages;
    private String number;

    private final ReadOnlyObjectWrapper<HeatRecord> record = new ReadOnlyObjectWrapper<>(this, "record");
    private final ReadOnlyStringWrapper header = new ReadOnlyStringWrapper(this, "header", "");
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText", "");
    private final ObservableList<HeatStatus> nextMoves = FXCollections.observableArrayList();
    private final StringProperty moveReason = new SimpleStringProperty(this, "moveReason", "");
    private final ObservableList<HeatLine> lines = FXCollections.observableArrayList();
    private final ObjectProperty<HeatLine> selectedLine = new SimpleObjectProperty<>(this, "selectedLine");
    private final StringProperty weighedKg = new SimpleStringProperty(this, "weighedKg", "");
    private final StringProperty lot = new SimpleStringProperty(this, "lot", "");
    private final ObservableList<SampleRow> samples = FXCollections.observableArrayList();
    private final ObjectProperty<SampleRow> selectedSample = new SimpleObjectProperty<>(this, "selectedSample");
    private final ObservableList<CheckRow> checks = FXCollections.observableArrayList();
    private final StringProperty sampleNumber = new SimpleStringProperty(this, "sampleNumber", "");
    private final StringProperty composition = new SimpleStringProperty(this, "composition", "");
    /** Why the typed analysis was refused ("" while it is not, or once it is edited). */
    private final ReadOnlyStringWrapper compositionError = new ReadOnlyStringWrapper(this, "compositionError", "");
    private final StringProperty method = new SimpleStringProperty(this, "method", "OES");
    private final ObservableList<String> importLog = FXCollections.observableArrayList();
    private final ObservableList<HeatCorrection> corrections = FXCollections.observableArrayList();
    private final ObservableList<StatusMove> moves = FXCollections.observableArrayList();
    private final ObservableList<AuditEntry> history = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final BooleanProperty otherNumbering = new SimpleBooleanProperty(this, "otherNumbering", false);
    private final RoleGate operator;
    private final RoleGate quality;
    private final Map<HeatAction, RoleGate> gates = new EnumMap<>(HeatAction.class);

    HeatPageViewModel(Messages messages, LibraryStore store, DialogService dialogs, ChargeCalculator calculator, Printing printing,
                      DocumentsViewModel.PreviewWindows windows, Runnable onChanged) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.store = Objects.requireNonNull(store, "store");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.onChanged = Objects.requireNonNull(onChanged, "onChanged");
        for (HeatAction a : HeatAction.values()) {
            gates.put(a, store.gate(a.roles().toArray(Role[]::new)));
        }
        this.operator = gates.get(HeatAction.MOVE);
        this.quality = gates.get(HeatAction.CERTIFY);
        this.correction = new CorrectionViewModel(messages, store, calculator, this::changed);
        this.lotEditor = LotEditorViewModel.of(messages, store);
        this.certificate = new CertificateViewModel(messages, store, dialogs, printing, windows, this::changed, message::set);
        selectedLine.addListener((o, a, l) -> {
            weighedKg.set(l == null || l.weighedKg() == null ? "" : Numbers.forInput(l.weighedKg(), this.messages.locale()));
            lot.set(l == null || l.lotNumber() == null ? "" : l.lotNumber());
        });
        selectedSample.addListener((o, a, s) -> showChecks(s));
        composition.addListener((o, a, b) -> compositionError.set(""));
    }

    /** Shows heat {@code heatNumber}, or nothing when null. */
    void show(String heatNumber) {
        if (!Objects.equals(heatNumber, number)) {
            correction.close();
            message.set("");
            importLog.clear();
            moveReason.set("");
            composition.set("");
            compositionError.set("");
            // the next sample's number is this heat's own (fill proposes it); another heat's would name the wrong heat
            sampleNumber.set("");
        }
        number = heatNumber;
        reload();
    }

    /** Reads the heat again from the database. */
    public void reload() {
        Database db = store.database();
        String n = number;
        if (n == null || db == null) {
            clear();
            return;
        }
        store.executor().run(() -> new Loaded(db.heats().find(n).orElse(null), db.audit().of(AuditLog.HEAT, n)), loaded -> {
            if (!n.equals(number)) {
                return;
            }
            if (loaded.record() == null) {
                clear();
                return;
            }
            fill(loaded);
        }, this::failed);
    }

    private void clear() {
        record.set(null);
        header.set("");
        statusText.set("");
        nextMoves.clear();
        lines.clear();
        samples.clear();
        checks.clear();
        corrections.clear();
        moves.clear();
        history.clear();
        certificate.show(null);
    }

    private void fill(Loaded loaded) {
        HeatRecord r = loaded.record();
        Heat h = r.heat();
        record.set(r);
        header.set(messages.get("heats.header", h.number(), h.recipeName(), h.recipeVersion(), h.specName(), h.specVersion(),
                h.furnace().isEmpty() ? "—" : h.furnace(), h.operator().isEmpty() ? "—" : h.operator(),
                messages.quantities().kgNumber(h.plannedKg())));
        statusText.set(messages.label("heats.status", h.status()));
        nextMoves.setAll(workflow.movesFrom(h.status()));
        HeatLine keepLine = selectedLine.get();
        lines.setAll(r.lines());
        selectedLine.set(keepLine == null ? null : r.lines().stream().filter(l -> l.lineNo() == keepLine.lineNo()).findFirst().orElse(null));
        List<SampleRow> rows = r.samples().stream().map(this::row).toList();
        samples.setAll(rows);
        selectedSample.set(rows.isEmpty() ? null : rows.get(rows.size() - 1));
        corrections.setAll(r.corrections());
        moves.setAll(r.moves());
        certificate.show(r);
        List<AuditEntry> newestFirst = new ArrayList<>(loaded.history());
        java.util.Collections.reverse(newestFirst);
        history.setAll(newestFirst);
        if (sampleNumber.get().isBlank() || r.samples().stream().anyMatch(s -> s.analysis().sampleNumber().equals(sampleNumber.get()))) {
            sampleNumber.set(h.number() + "-" + (r.samples().size() + 1));
        }
    }

    private SampleRow row(HeatSample s) {
        String source = s.analysis().method() + (s.instrument().isEmpty() ? "" : " · " + s.instrument())
                + (s.imported() ? " · " + messages.get("heats.sample.imported") : "");
        return new SampleRow(s, HeatWords.verdict(s, messages), source);
    }

    private void showChecks(SampleRow s) {
        if (s == null) {
            checks.clear();
            return;
        }
        checks.setAll(s.sample().checks().stream().map(this::check).toList());
    }

    private CheckRow check(SampleCheck c) {
        Quantities q = messages.quantities();
        return new CheckRow(CheckWords.elementName(c.element(), messages), c.minPct() == null ? "" : "≥\u00a0" + q.content(c.element(), c.minPct()),
                c.maxPct() == null ? "" : "≤\u00a0" + q.content(c.element(), c.maxPct()),
                HeatWords.value(c, messages), c.status(), HeatWords.status(c, messages));
    }

    /** Moves the heat to {@code to} with the reason typed (may be blank); a move the workflow refuses is explained. */
    public void move(HeatStatus to) {
        Database db = store.database();
        HeatRecord r = record.get();
        if (db == null || r == null) {
            return;
        }
        Optional<HeatRefusal> refused = workflow.checkMove(r.heat().number(), r.heat().status(), to);
        if (refused.isPresent()) {
            message.set(HeatWords.refusal(refused.get(), messages));
            return;
        }
        String reason = moveReason.get().strip();
        String n = r.heat().number();
        int revision = r.heat().revision();
        store.executor().run(() -> db.heats().move(n, to, reason, revision), h -> {
            moveReason.set("");
            message.set(messages.get("heats.move.done", n, label(h.status())));
            changed();
        }, e -> refused(messages.get("heats.changeTitle", n), e));
    }

    /** Records the weighed kg and lot typed for the selected charge line. */
    public void weigh() {
        Database db = store.database();
        HeatLine l = selectedLine.get();
        HeatRecord r = record.get();
        if (db == null || l == null || r == null) {
            return;
        }
        Double kg;
        try {
            kg = Numbers.parseOptional(weighedKg.get());
        } catch (InputException e) {
            message.set(messages.get("heats.weigh.bad", weighedKg.get(), e.localized(messages)));
            return;
        }
        if (kg == null || kg < 0) {
            message.set(messages.get("heats.weigh.bad", weighedKg.get(), messages.get("heats.weigh.notNegative")));
            return;
        }
        String lotNumber = lot.get().isBlank() ? null : lot.get().strip();
        String n = r.heat().number();
        double weighed = kg;
        int revision = r.heat().revision();
        store.executor().run(() -> {
            if (lotNumber != null && !lotNumber.equals(l.lotNumber()) && db.lots().find(lotNumber).isEmpty()) {
                return Optional.<HeatLine>empty();
            }
            return Optional.of(db.heats().weigh(n, l.lineNo(), weighed, lotNumber, "", revision));
        }, done -> {
            if (done.isEmpty()) {
                // Not a dead end: the lot is offered for creation, prefilled, and the weighing goes on once it is stored.
                message.set(messages.get("heats.weigh.unknownLot", lotNumber));
                lotEditor.openNew(lotNumber, l.materialId(), created -> {
                    message.set(messages.get("heats.weigh.lotCreated", created.lotNumber()));
                    weigh();
                });
                return;
            }
            message.set(messages.get("heats.weigh.done", done.get().materialId(), messages.quantities().kgFineNumber(weighed)));
            changed();
        }, e -> refused(messages.get("heats.changeTitle", n), e));
    }

    /**
     * Adds the sample typed by hand ("Sc=1.72, Fe=0.11, Na=<5 ppm, Ca=n.d." and its number); one that fails the
     * specification opens the correction at once.
     */
    public void addSample() {
        Database db = store.database();
        HeatRecord r = record.get();
        if (db == null || r == null) {
            return;
        }
        SampleAnalysis analysis;
        try {
            ElementAmounts.Sample typed = ElementAmounts.parseSample(composition.get());
            if (typed.wtPct().isEmpty() && typed.belowDetection().isEmpty()) {
                String why = messages.get("heats.sample.empty");
                refuseComposition(why, why);
                return;
            }
            analysis = new SampleAnalysis(sampleNumber.get().strip(), "", method.get().strip(), typed.wtPct(), typed.belowDetection());
        } catch (InputException e) {
            refuseComposition(messages.get("heats.sample.bad", composition.get(), e.localized(messages)), e.localized(messages));
            return;
        } catch (IllegalArgumentException e) {
            String why = MessageWords.failure(e, messages);
            refuseComposition(messages.get("heats.sample.bad", composition.get(), why), why);
            return;
        }
        String n = r.heat().number();
        store.executor().run(() -> {
            HeatSample s = db.heats().addSample(n, analysis, "");
            return new Added(List.of(s), db.heats().find(n).orElseThrow());
        }, added -> {
            composition.set("");
            sampleAdded(added);
        }, this::failed);
    }

    /** The line under the heat's title says what was refused; the analysis field is marked with why. */
    private void refuseComposition(String line, String why) {
        message.set(line);
        compositionError.set(why);
    }

    private record Added(List<HeatSample> samples, HeatRecord record) {
    }

    private void sampleAdded(Added added) {
        HeatSample last = added.samples().get(added.samples().size() - 1);
        message.set(messages.get("heats.sample.added", added.samples().size(), HeatWords.verdict(last, messages)));
        changed();
        if (last.verdict() == SampleVerdict.FAIL) {
            correction.open(added.record(), last);
        } else {
            correction.close();
        }
    }

    /** "Import spectrometer file…": every sample of a CSV export, with its log and warnings shown. */
    public void importSamples() {
        Database db = store.database();
        HeatRecord r = record.get();
        if (db == null || r == null) {
            return;
        }
        Optional<Path> file = dialogs.chooseToOpen(messages.get("heats.import.title"), DialogService.FileKind.CSV);
        if (file.isEmpty()) {
            return;
        }
        String n = r.heat().number();
        boolean acceptOtherNumbers = otherNumbering.get();
        store.executor().run(() -> {
            SpectrometerImport imported = read(db, file.get());
            List<HeatSample> added = db.heats().importSamples(n, imported, file.get().getFileName().toString(), imported.instrument(),
                    acceptOtherNumbers);
            List<String> log = new ArrayList<>(MessageWords.of(imported.logMessages(), messages));
            MessageWords.of(imported.warningMessages(), messages).forEach(w -> log.add(messages.get("heats.import.warning", w)));
            return Map.entry(log, new Added(added, db.heats().find(n).orElseThrow()));
        }, done -> {
            importLog.setAll(done.getKey());
            if (done.getValue().samples().isEmpty()) {
                message.set(messages.get("heats.import.none"));
                changed();
                return;
            }
            sampleAdded(done.getValue());
        }, e -> {
            String why = e instanceof IOException ? MessageWords.fileFailure(e, file.get(), false, messages) : HeatWords.failure(e, messages);
            message.set(messages.get("heats.import.failed", why));
            dialogs.showError(messages.get("heats.import.title"), why);
        });
    }

    /** The export with the instrument's remembered column mapping (remembering the detected one the first time). */
    private static SpectrometerImport read(Database db, Path file) throws IOException, SpectrometerFormatException {
        SpectrometerImport detected = SpectrometerCsv.read(file);
        String instrument = detected.instrument();
        if (instrument.isEmpty()) {
            return detected;
        }
        Optional<ColumnMapping> remembered = db.heats().instrumentMapping(instrument);
        if (remembered.isEmpty()) {
            db.heats().rememberMapping(instrument, detected.mapping());
            return detected;
        }
        return SpectrometerCsv.read(file, remembered.get());
    }

    private void changed() {
        reload();
        onChanged.run();
    }

    private void failed(Throwable e) {
        message.set(HeatWords.failure(e, messages));
    }

    /**
     * A change to the heat was refused: someone else changed the heat since it was shown (the user may
     * reload it; what they typed stays otherwise), a role that does not allow it, or another failure.
     */
    private void refused(String title, Throwable e) {
        message.set(HeatWords.failure(e, messages));
        if (store.explainSaveFailure(title, e, false) == LibraryStore.SaveProblem.RELOAD) {
            changed();
        }
    }

    private String label(HeatStatus s) {
        return messages.label("heats.status", s);
    }

    /** The words of an audit entry's change kind (create, move, sample …), or the kind as stored. */
    public String changeText(String change) {
        return AuditHistory.changeText(change, messages);
    }

    void setMessages(Messages newMessages) {
        messages = Objects.requireNonNull(newMessages, "messages");
        correction.setMessages(newMessages);
        certificate.setMessages(newMessages);
        lotEditor.setMessages(newMessages);
        reload();
    }

    public CorrectionViewModel correction() {
        return correction;
    }

    /** The cast record and certificates of a cast or released heat. */
    public CertificateViewModel certificate() {
        return certificate;
    }

    /** The heat shown, or null. */
    public ReadOnlyObjectProperty<HeatRecord> recordProperty() {
        return record.getReadOnlyProperty();
    }

    /** Number, recipe and version, specification and version, furnace, operator, planned kg. */
    public ReadOnlyStringProperty headerProperty() {
        return header.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    /** The states the heat may move to now. */
    public ObservableList<HeatStatus> nextMoves() {
        return nextMoves;
    }

    /** The reason kept with the next move (optional). */
    public StringProperty moveReasonProperty() {
        return moveReason;
    }

    public ObservableList<HeatLine> lines() {
        return lines;
    }

    public ObjectProperty<HeatLine> selectedLineProperty() {
        return selectedLine;
    }

    /** The selected line's weighed kg, as typed. */
    public StringProperty weighedKgProperty() {
        return weighedKg;
    }

    /** The editor that offers to create a lot a weighing names and the library does not know. */
    public LotEditorViewModel lotEditor() {
        return lotEditor;
    }

    /** The selected line's lot number, as typed. */
    public StringProperty lotProperty() {
        return lot;
    }

    public ObservableList<SampleRow> samples() {
        return samples;
    }

    public ObjectProperty<SampleRow> selectedSampleProperty() {
        return selectedSample;
    }

    /** The selected sample's elements against the specification. */
    public ObservableList<CheckRow> checks() {
        return checks;
    }

    public StringProperty sampleNumberProperty() {
        return sampleNumber;
    }

    /** A hand sample's composition, wt%, e.g. "Sc=1.72, Fe=0.11". */
    public StringProperty compositionProperty() {
        return composition;
    }

    /** Why the typed analysis was refused: "" while it is not, and again once it is edited or another heat shown. */
    public ReadOnlyStringProperty compositionErrorProperty() {
        return compositionError.getReadOnlyProperty();
    }

    public StringProperty methodProperty() {
        return method;
    }

    /** The last import's log and warnings. */
    public ObservableList<String> importLog() {
        return importLog;
    }

    public ObservableList<HeatCorrection> corrections() {
        return corrections;
    }

    public ObservableList<StatusMove> moves() {
        return moves;
    }

    /** The heat's audit entries, newest first. */
    public ObservableList<AuditEntry> history() {
        return history;
    }

    /** What the last action did, or why it was refused. */
    /** Whether the user may work the heat at the furnace: move, weigh, samples, corrections, cast (the operator role). */
    public RoleGate operatorGate() {
        return operator;
    }

    /** Whether the user may issue certificates (the quality role). */
    public RoleGate qualityGate() {
        return quality;
    }

    /** Who may move a heat to {@code to}: the workflow's roles for that move ({@link HeatAction#moveTo}). */
    public RoleGate moveGate(HeatStatus to) {
        return gates.get(HeatAction.moveTo(to));
    }

    /** Who may do {@code action}, as the workflow divides the roles. */
    public RoleGate gate(HeatAction action) {
        return gates.get(action);
    }

    /**
     * "Sample numbers follow another scheme": the next import accepts sample numbers that look like another heat's
     * (the laboratory's own numbering), and its log says so. Off by default: such a file is refused whole.
     */
    public BooleanProperty otherNumberingProperty() {
        return otherNumbering;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public Messages messages() {
        return messages;
    }
}
