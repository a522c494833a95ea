package ca.scalloy.ui.batch;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.Formula;
import ca.scalloy.engine.charge.ElementTarget;
import ca.scalloy.engine.charge.FluxLink;
import ca.scalloy.engine.charge.Heel;
import ca.scalloy.engine.charge.Material;
import ca.scalloy.engine.charge.MaterialKind;
import ca.scalloy.engine.charge.MaterialUncertainty;
import ca.scalloy.engine.charge.Objective;
import ca.scalloy.engine.charge.PropertyTarget;
import ca.scalloy.engine.charge.Recipe;
import ca.scalloy.engine.kinetics.AgeingSchedule;
import ca.scalloy.engine.thermo.ProcessRoute;
import ca.scalloy.ui.common.ElementAmounts;
import ca.scalloy.ui.common.InputException;
import ca.scalloy.ui.common.MessageWords;
import ca.scalloy.ui.common.Messages;
import ca.scalloy.ui.common.Numbers;

/**
 * The recipe as the user edits it: texts per field, turned into an engine {@link Recipe} on
 * demand. Every text that cannot be read, and every value the engine refuses, is put on the
 * field it belongs to, with a message naming the field and the value.
 */
public final class RecipeForm {

    /** A field in error, located for the user. */
    public record FieldError(String where, String message) {
        /** "where: message". */
        public String describe(Messages messages) {
            return messages.get("error.at", where, message);
        }
    }

    /** Between a compound's formula and the element it delivers, when that must be named: "K2ZrF6 → Zr". */
    private static final String DELIVERS = "→";
    private static final String DELIVERS_PATTERN = "\\s*(→|->)\\s*";

    /** The engine names the offending row as {@code materials[2]} or {@code targets[0]}. */
    private static final Pattern ROW_REF = Pattern.compile("^(materials|targets)\\[(\\d+)]");

    /** The material's field the engine names in a refusal, by the start of its name; first match wins. */
    private static final Map<String, MaterialField> MATERIAL_FIELD_BY_PREFIX = orderedMap(
            "id", MaterialField.ID, "pricePerKg", MaterialField.PRICE_PER_KG, "co2KgPerKg", MaterialField.CO2_KG_PER_KG,
            "minKg", MaterialField.MIN_KG, "maxKg", MaterialField.MAX_KG, "fixedKg", MaterialField.FIXED_KG,
            "pieceMassKg", MaterialField.PIECE_MASS_KG, "purityPct", MaterialField.PURITY_PCT,
            "recoveryPct", MaterialField.RECOVERY_PCT, "flux", MaterialField.FLUX_ID,
            "uncertainty.compositionSdPct", MaterialField.ASSAY_SD_PCT, "uncertainty.recoverySdPct", MaterialField.RECOVERY_SD_PCT,
            "kind", MaterialField.KIND);

    private static Map<String, MaterialField> orderedMap(Object... keysAndValues) {
        Map<String, MaterialField> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (MaterialField) keysAndValues[i + 1]);
        }
        return map;
    }

    private final FormRow<HeaderField> header = new FormRow<>(HeaderField.class);
    private final ObjectProperty<Objective> objective = new SimpleObjectProperty<>(this, "objective", Objective.MIN_COST);
    private final BooleanProperty wholePieces = new SimpleBooleanProperty(this, "wholePieces");
    private final ObservableList<FormRow<TargetField>> targets = FXCollections.observableArrayList();
    private final ObservableList<MaterialRow> materials = FXCollections.observableArrayList();
    private final ObservableList<PropertyTargetRow> propertyTargets = FXCollections.observableArrayList();
    /** What the form does not show (balance element, whole-piece tolerance) is kept from the loaded recipe. */
    private Recipe loaded;

    public FormRow<HeaderField> header() {
        return header;
    }

    public ObjectProperty<Objective> objectiveProperty() {
        return objective;
    }

    public BooleanProperty wholePiecesProperty() {
        return wholePieces;
    }

    public ObservableList<FormRow<TargetField>> targets() {
        return targets;
    }

    public ObservableList<MaterialRow> materials() {
        return materials;
    }

    /** The limits on the product's estimated properties (issue 14, point 2). */
    public ObservableList<PropertyTargetRow> propertyTargets() {
        return propertyTargets;
    }

    /** Every text of the form as typed at one moment: what a result was calculated from. */
    record Snapshot(Map<HeaderField, String> header, List<Map<TargetField, String>> targets, List<Map<MaterialField, String>> materials,
                    List<Map<PropertyTargetField, String>> propertyTargets) {
    }

    /** The form's texts now, to compare with {@link #changedSince} later. */
    Snapshot snapshot() {
        return new Snapshot(texts(header, HeaderField.class), targets.stream().map(r -> texts(r, TargetField.class)).toList(),
                materials.stream().map(r -> texts(r, MaterialField.class)).toList(),
                propertyTargets.stream().map(r -> texts(r, PropertyTargetField.class)).toList());
    }

    private static <F extends Enum<F>> Map<F, String> texts(FormRow<F> row, Class<F> fields) {
        Map<F, String> m = new EnumMap<>(fields);
        for (F f : fields.getEnumConstants()) {
            m.put(f, row.value(f));
        }
        return m;
    }

    /**
     * Where the form differs from {@code earlier}, each as "Batch mass (kg): 1000" with the text it had then (at most
     * {@code max}); a row added or removed since is one entry naming the table.
     */
    List<String> changedSince(Snapshot earlier, Messages messages, int max) {
        List<String> changes = new ArrayList<>();
        Snapshot now = snapshot();
        for (HeaderField f : HeaderField.values()) {
            if (!now.header().get(f).equals(earlier.header().get(f))) {
                changes.add(messages.get("batch.earlierValue", headerWhere(messages, f), shown(messages, earlier.header().get(f))));
            }
        }
        changedRows(changes, earlier.targets(), now.targets(), TargetField.class, messages, "batch.earlierTargets",
                (i, f) -> targetWhere(messages, i, targets.get(i)) + ", " + messages.label("target.field", f));
        changedRows(changes, earlier.materials(), now.materials(), MaterialField.class, messages, "batch.earlierMaterials",
                (i, f) -> materialWhere(messages, materialWhere(messages, i, materials.get(i)), f));
        changedRows(changes, earlier.propertyTargets(), now.propertyTargets(), PropertyTargetField.class, messages,
                "batch.earlierPropertyTargets", (i, f) -> propertyWhere(messages, propertyTargetWhere(messages, i, propertyTargets.get(i)), f));
        return changes.size() > max ? changes.subList(0, max) : changes;
    }

    private static <F extends Enum<F>> void changedRows(List<String> changes, List<Map<F, String>> earlier, List<Map<F, String>> now,
                                                        Class<F> fields, Messages messages, String countKey,
                                                        java.util.function.BiFunction<Integer, F, String> where) {
        if (earlier.size() != now.size()) {
            changes.add(messages.get(countKey, earlier.size()));
            return;
        }
        for (int i = 0; i < now.size(); i++) {
            for (F f : fields.getEnumConstants()) {
                if (!now.get(i).get(f).equals(earlier.get(i).get(f))) {
                    changes.add(messages.get("batch.earlierValue", where.apply(i, f), shown(messages, earlier.get(i).get(f))));
                }
            }
        }
    }

    /** A text as it was, or "empty". */
    private static String shown(Messages messages, String text) {
        return text.isEmpty() ? messages.get("batch.earlierEmpty") : "“" + text + "”";
    }

    // ------------------------------------------------------------------ recipe → texts

    /** Fills the form from {@code recipe}; rows come from the factories so that the caller can watch them. */
    void load(Recipe recipe, Locale locale, Supplier<FormRow<TargetField>> newTarget, Supplier<MaterialRow> newMaterial,
              Supplier<PropertyTargetRow> newPropertyTarget) {
        loaded = recipe;
        set(header, HeaderField.NAME, recipe.name());
        set(header, HeaderField.GRADE, recipe.grade());
        set(header, HeaderField.BATCH_MASS_KG, Numbers.forInput(recipe.batchMassKg(), locale));
        set(header, HeaderField.FURNACE_CAPACITY_KG, Numbers.forInput(recipe.maxProductMassKg(), locale));
        set(header, HeaderField.MELT_LOSS_PCT, Numbers.forInput(recipe.meltLossPct(), locale));
        set(header, HeaderField.CONFIDENCE_PCT, Numbers.forInput(recipe.confidencePct(), locale));
        set(header, HeaderField.RECOVERY_PCT, ElementAmounts.format(recipe.recoveryPct(), locale));
        set(header, HeaderField.HEEL_MASS_KG, Numbers.forInput(recipe.heel().massKg(), locale));
        set(header, HeaderField.HEEL_COMPOSITION_WT_PCT, ElementAmounts.format(recipe.heel().composition().wtPct(), locale));
        objective.set(recipe.objective());
        wholePieces.set(recipe.wholePieces());
        List<FormRow<TargetField>> t = new ArrayList<>();
        for (ElementTarget target : recipe.targets()) {
            FormRow<TargetField> row = newTarget.get();
            set(row, TargetField.ELEMENT, target.element());
            set(row, TargetField.MIN_WT_PCT, Numbers.forInput(target.minPct(), locale));
            set(row, TargetField.AIM_WT_PCT, Numbers.forInput(target.aimPct(), locale));
            set(row, TargetField.MAX_WT_PCT, Numbers.forInput(target.maxPct(), locale));
            t.add(row);
        }
        targets.setAll(t);
        List<MaterialRow> m = new ArrayList<>();
        for (Material material : recipe.materials()) {
            MaterialRow row = newMaterial.get();
            fill(row, material, recipe.balanceElement(), locale);
            m.add(row);
        }
        materials.setAll(m);
        List<PropertyTargetRow> p = new ArrayList<>();
        for (PropertyTarget target : recipe.propertyTargets()) {
            PropertyTargetRow row = newPropertyTarget.get();
            set(row, PropertyTargetField.PROPERTY, target.property());
            set(row, PropertyTargetField.MIN_VALUE, Numbers.forInput(target.minValue(), locale));
            set(row, PropertyTargetField.MAX_VALUE, Numbers.forInput(target.maxValue(), locale));
            set(row, PropertyTargetField.PROCESS, target.process().name());
            set(row, PropertyTargetField.SCHEDULE, target.schedule() == null ? "" : target.schedule().toString());
            p.add(row);
        }
        propertyTargets.setAll(p);
    }

    /** The balance element of the recipe the form was loaded from. */
    String balanceElement() {
        return loaded == null ? "Al" : loaded.balanceElement();
    }

    static void fill(MaterialRow row, Material m, String balance, Locale locale) {
        set(row, MaterialField.ID, m.id());
        set(row, MaterialField.NAME, m.name());
        row.kindProperty().set(m.kind());
        String assay = switch (m.kind()) {
            case COMPOUND -> compoundText(m);
            case FLUX -> "";
            default -> ElementAmounts.formatAssay(m.composition().wtPct(), m.composition().balanceElement(), balance, locale);
        };
        set(row, MaterialField.ASSAY, assay);
        set(row, MaterialField.PURITY_PCT, Numbers.forInput(m.purityPct(), locale));
        set(row, MaterialField.RECOVERY_PCT, ElementAmounts.format(m.recoveryPct(), locale));
        set(row, MaterialField.ASSAY_SD_PCT, ElementAmounts.format(m.uncertainty().compositionSdPct(), locale));
        set(row, MaterialField.RECOVERY_SD_PCT, ElementAmounts.format(m.uncertainty().recoverySdPct(), locale));
        set(row, MaterialField.PRICE_PER_KG, Numbers.forInput(m.pricePerKg(), locale));
        set(row, MaterialField.CO2_KG_PER_KG, Numbers.forInput(m.co2KgPerKg(), locale));
        set(row, MaterialField.MIN_KG, Numbers.forInput(m.minKg(), locale));
        set(row, MaterialField.MAX_KG, Numbers.forInput(m.maxKg(), locale));
        set(row, MaterialField.FIXED_KG, Numbers.forInput(m.fixedKg(), locale));
        set(row, MaterialField.PIECE_MASS_KG, Numbers.forInput(m.pieceMassKg(), locale));
        set(row, MaterialField.FLUX_ID, m.flux() == null ? "" : m.flux().materialId());
        set(row, MaterialField.FLUX_KG_PER_KG, m.flux() == null ? "" : Numbers.forInput(m.flux().kgPerKg(), locale));
    }

    /**
     * A compound's formula, followed by {@code → element} when the element it delivers is not the
     * one its formula alone gives (a formula with two reducible elements, e.g. a mixed salt).
     */
    private static String compoundText(Material m) {
        String formula = m.formula().toString();
        String implied;
        try {
            implied = m.formula().reducibleElement();
        } catch (IllegalArgumentException e) {
            implied = null;
        }
        return m.deliveredElement().equals(implied) ? formula : formula + " " + DELIVERS + " " + m.deliveredElement();
    }

    private static <F extends Enum<F>> void set(FormRow<F> row, F field, String text) {
        row.text(field).set(text == null ? "" : text);
    }

    // ------------------------------------------------------------------ texts → recipe

    /**
     * Reads the form into a recipe. Clears the old errors and puts the new ones on their fields.
     *
     * @param errors receives every field in error, in form order
     * @return the recipe, or empty when any field is in error
     */
    Optional<Recipe> build(Messages messages, List<FieldError> errors) {
        header.errors().clear();
        targets.forEach(r -> r.errors().clear());
        materials.forEach(r -> r.errors().clear());
        propertyTargets.forEach(r -> r.errors().clear());
        Reader in = new Reader(messages, errors);
        String balance = loaded == null ? "Al" : loaded.balanceElement();

        Double batchMassKg = in.number(header, HeaderField.BATCH_MASS_KG, headerWhere(messages, HeaderField.BATCH_MASS_KG));
        Double capacityKg = in.number(header, HeaderField.FURNACE_CAPACITY_KG,
                headerWhere(messages, HeaderField.FURNACE_CAPACITY_KG));
        Double meltLossPct = in.number(header, HeaderField.MELT_LOSS_PCT, headerWhere(messages, HeaderField.MELT_LOSS_PCT));
        Double confidencePct = in.number(header, HeaderField.CONFIDENCE_PCT, headerWhere(messages, HeaderField.CONFIDENCE_PCT));
        Map<String, Double> recoveries = in.amounts(header, HeaderField.RECOVERY_PCT,
                headerWhere(messages, HeaderField.RECOVERY_PCT));
        Double heelKg = in.number(header, HeaderField.HEEL_MASS_KG, headerWhere(messages, HeaderField.HEEL_MASS_KG));
        String heelWhere = headerWhere(messages, HeaderField.HEEL_COMPOSITION_WT_PCT);
        Map<String, Double> heelPct = in.amounts(header, HeaderField.HEEL_COMPOSITION_WT_PCT, heelWhere);
        Composition heelComposition = in.engine(header, HeaderField.HEEL_COMPOSITION_WT_PCT, heelWhere,
                () -> new Composition(heelPct, balance));
        Heel heel = heelComposition == null ? null : in.engine(header, HeaderField.HEEL_MASS_KG,
                headerWhere(messages, HeaderField.HEEL_MASS_KG), () -> new Heel(heelKg == null ? 0 : heelKg, heelComposition));

        List<ElementTarget> engineTargets = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            FormRow<TargetField> row = targets.get(i);
            String where = targetWhere(messages, i, row);
            Double min = in.number(row, TargetField.MIN_WT_PCT, where + ", " + messages.label("target.field", TargetField.MIN_WT_PCT));
            Double aim = in.number(row, TargetField.AIM_WT_PCT, where + ", " + messages.label("target.field", TargetField.AIM_WT_PCT));
            Double max = in.number(row, TargetField.MAX_WT_PCT, where + ", " + messages.label("target.field", TargetField.MAX_WT_PCT));
            if (in.hasErrors(row)) {
                continue;
            }
            ElementTarget t = in.engineGuessing(row, RecipeForm::targetFieldOf, where,
                    () -> new ElementTarget(row.value(TargetField.ELEMENT), min, aim, max));
            if (t != null) {
                engineTargets.add(t);
            }
        }

        List<Material> engineMaterials = new ArrayList<>();
        for (int i = 0; i < materials.size(); i++) {
            Material m = readMaterial(in, messages, i, materials.get(i), balance);
            if (m != null) {
                engineMaterials.add(m);
            }
        }
        List<PropertyTarget> enginePropertyTargets = new ArrayList<>();
        for (int i = 0; i < propertyTargets.size(); i++) {
            PropertyTarget t = readPropertyTarget(in, messages, i, propertyTargets.get(i));
            if (t != null) {
                enginePropertyTargets.add(t);
            }
        }
        if (!errors.isEmpty()) {
            return Optional.empty();
        }
        Recipe base = loaded;
        try {
            return Optional.of(Recipe.builder().name(header.value(HeaderField.NAME)).grade(header.value(HeaderField.GRADE))
                    .batchMassKg(batchMassKg).maxProductMassKg(capacityKg).balanceElement(balance).objective(objective.get())
                    .recoveryPct(recoveries).meltLossPct(meltLossPct == null ? 0 : meltLossPct).heel(heel).targets(engineTargets)
                    .materials(engineMaterials).wholePieces(wholePieces.get())
                    .batchMassTolerancePct(base == null ? Recipe.DEFAULT_BATCH_MASS_TOLERANCE_PCT : base.batchMassTolerancePct())
                    .confidencePct(confidencePct).propertyTargets(enginePropertyTargets).build());
        } catch (IllegalArgumentException e) {
            errors.add(placeRecipeError(messages, e));
            return Optional.empty();
        }
    }

    /** One property target; null when a field is in error (put on it). */
    private PropertyTarget readPropertyTarget(Reader in, Messages messages, int i, PropertyTargetRow row) {
        String where = propertyTargetWhere(messages, i, row);
        Double min = in.number(row, PropertyTargetField.MIN_VALUE, propertyWhere(messages, where, PropertyTargetField.MIN_VALUE));
        Double max = in.number(row, PropertyTargetField.MAX_VALUE, propertyWhere(messages, where, PropertyTargetField.MAX_VALUE));
        String processText = row.value(PropertyTargetField.PROCESS);
        ProcessRoute process = in.engine(row, PropertyTargetField.PROCESS, propertyWhere(messages, where, PropertyTargetField.PROCESS),
                () -> processText.isEmpty() ? ProcessRoute.CAST : ProcessRoute.parse(processText));
        String scheduleText = row.value(PropertyTargetField.SCHEDULE);
        AgeingSchedule schedule = scheduleText.isEmpty() ? null : in.engine(row, PropertyTargetField.SCHEDULE,
                propertyWhere(messages, where, PropertyTargetField.SCHEDULE), () -> AgeingSchedule.parse(scheduleText));
        if (in.hasErrors(row)) {
            return null;
        }
        return in.engineGuessing(row, RecipeForm::propertyTargetFieldOf, where,
                () -> new PropertyTarget(row.value(PropertyTargetField.PROPERTY), min, max, process, schedule));
    }

    /** The property target's field the engine refuses. */
    private static PropertyTargetField propertyTargetFieldOf(String field) {
        if (field.equals("property")) {
            return PropertyTargetField.PROPERTY;
        } else if (field.equals("maxValue")) {
            return PropertyTargetField.MAX_VALUE;
        }
        return PropertyTargetField.MIN_VALUE;
    }

    private Material readMaterial(Reader in, Messages messages, int i, MaterialRow row, String balance) {
        String where = materialWhere(messages, i, row);
        MaterialKind kind = row.kindProperty().get();
        Double purity = in.number(row, MaterialField.PURITY_PCT, materialWhere(messages, where, MaterialField.PURITY_PCT));
        Map<String, Double> recovery = in.amounts(row, MaterialField.RECOVERY_PCT,
                materialWhere(messages, where, MaterialField.RECOVERY_PCT));
        Map<String, Double> assaySd = in.amounts(row, MaterialField.ASSAY_SD_PCT,
                materialWhere(messages, where, MaterialField.ASSAY_SD_PCT));
        Map<String, Double> recoverySd = in.amounts(row, MaterialField.RECOVERY_SD_PCT,
                materialWhere(messages, where, MaterialField.RECOVERY_SD_PCT));
        Double price = in.number(row, MaterialField.PRICE_PER_KG, materialWhere(messages, where, MaterialField.PRICE_PER_KG));
        Double co2 = in.number(row, MaterialField.CO2_KG_PER_KG, materialWhere(messages, where, MaterialField.CO2_KG_PER_KG));
        Double min = in.number(row, MaterialField.MIN_KG, materialWhere(messages, where, MaterialField.MIN_KG));
        Double max = in.number(row, MaterialField.MAX_KG, materialWhere(messages, where, MaterialField.MAX_KG));
        Double fixed = in.number(row, MaterialField.FIXED_KG, materialWhere(messages, where, MaterialField.FIXED_KG));
        Double piece = in.number(row, MaterialField.PIECE_MASS_KG, materialWhere(messages, where, MaterialField.PIECE_MASS_KG));
        Double fluxRatio = in.number(row, MaterialField.FLUX_KG_PER_KG, materialWhere(messages, where, MaterialField.FLUX_KG_PER_KG));
        String assayWhere = materialWhere(messages, where, MaterialField.ASSAY);
        Composition composition = null;
        Formula formula = null;
        String delivered = null;
        if (kind.isMetallic()) {
            ElementAmounts.Assay assay = in.assay(row, MaterialField.ASSAY, assayWhere, balance);
            composition = in.engine(row, MaterialField.ASSAY, assayWhere,
                    () -> new Composition(assay.wtPct(), assay.balanceElement()));
        } else if (kind == MaterialKind.COMPOUND) {
            String[] parts = row.value(MaterialField.ASSAY).split(DELIVERS_PATTERN, 2);
            formula = in.engine(row, MaterialField.ASSAY, assayWhere, () -> Formula.parse(parts[0]));
            delivered = parts.length == 2 ? parts[1].strip() : null;
        } else if (!row.value(MaterialField.ASSAY).isEmpty()) {
            in.fail(row, MaterialField.ASSAY, assayWhere, messages.get("error.fluxHasNoAssay"));
        }
        String fluxId = row.value(MaterialField.FLUX_ID);
        FluxLink flux = null;
        if (!fluxId.isEmpty()) {
            String fluxWhere = materialWhere(messages, where, MaterialField.FLUX_KG_PER_KG);
            if (fluxRatio == null) {
                in.fail(row, MaterialField.FLUX_KG_PER_KG, fluxWhere, messages.get("error.fluxRatioMissing", fluxId));
            } else {
                flux = in.engine(row, MaterialField.FLUX_KG_PER_KG, fluxWhere, () -> new FluxLink(fluxId, fluxRatio));
            }
        }
        MaterialUncertainty uncertainty = in.engine(row, MaterialField.ASSAY_SD_PCT,
                materialWhere(messages, where, MaterialField.ASSAY_SD_PCT), () -> new MaterialUncertainty(assaySd, recoverySd));
        if (in.hasErrors(row)) {
            return null;
        }
        Composition c = composition;
        Formula f = formula;
        FluxLink link = flux;
        String deliveredElement = delivered;
        return in.engineGuessing(row, Reader::materialFieldOf, where, () -> new Material(row.value(MaterialField.ID), row.value(MaterialField.NAME),
                kind, c, f, kind == MaterialKind.COMPOUND ? purity : null, deliveredElement, recovery, price == null ? 0 : price,
                co2 == null ? 0 : co2, min, max, fixed, piece, link, uncertainty));
    }

    /**
     * Puts the engine's refusal of the recipe on the row and field it names ({@code materials[2].id},
     * {@code batchMassKg}), in the user's words.
     */
    private FieldError placeRecipeError(Messages messages, IllegalArgumentException refusal) {
        String engineText = MessageWords.refusedField(refusal);
        String shown = MessageWords.failure(refusal, messages);
        Matcher rowRef = ROW_REF.matcher(engineText);
        if (rowRef.find()) {
            int index = Integer.parseInt(rowRef.group(2));
            if (rowRef.group(1).equals("materials") && index < materials.size()) {
                MaterialRow row = materials.get(index);
                row.errors().put(engineText.contains(".flux") ? MaterialField.FLUX_ID : MaterialField.ID, shown);
                return new FieldError(materialWhere(messages, index, row), shown);
            }
            if (rowRef.group(1).equals("targets") && index < targets.size()) {
                targets.get(index).errors().put(TargetField.ELEMENT, shown);
                return new FieldError(targetWhere(messages, index, targets.get(index)), shown);
            }
        }
        if (engineText.startsWith("objective") && !propertyTargets.isEmpty()) {
            // AIM with property targets: the objective cannot hold them, so the first target carries the message.
            propertyTargets.get(0).errors().put(PropertyTargetField.PROPERTY, shown);
            return new FieldError(propertyTargetWhere(messages, 0, propertyTargets.get(0)), shown);
        }
        if (engineText.startsWith("materials")) {
            return new FieldError(messages.get("form.materials"), shown);
        }
        HeaderField field = engineText.startsWith("batchMassKg") ? HeaderField.BATCH_MASS_KG
                : engineText.startsWith("maxProductMassKg") ? HeaderField.FURNACE_CAPACITY_KG
                : engineText.startsWith("meltLossPct") ? HeaderField.MELT_LOSS_PCT
                : engineText.startsWith("confidencePct") ? HeaderField.CONFIDENCE_PCT
                : engineText.startsWith("recoveryPct") ? HeaderField.RECOVERY_PCT
                : engineText.startsWith("heel") ? HeaderField.HEEL_COMPOSITION_WT_PCT
                : HeaderField.NAME;
        header.errors().put(field, shown);
        return new FieldError(headerWhere(messages, field), shown);
    }

    /** The target's field the engine refuses. */
    private static TargetField targetFieldOf(String field) {
        if (field.equals("minPct")) {
            return TargetField.MIN_WT_PCT;
        } else if (field.equals("aimPct")) {
            return TargetField.AIM_WT_PCT;
        } else if (field.equals("maxPct")) {
            return TargetField.MAX_WT_PCT;
        }
        return TargetField.ELEMENT;
    }

    static String headerWhere(Messages messages, HeaderField field) {
        return messages.label("header.field", field);
    }

    static String targetWhere(Messages messages, int index, FormRow<TargetField> row) {
        return messages.get("form.targetRow", index + 1, row.value(TargetField.ELEMENT));
    }

    static String materialWhere(Messages messages, int index, MaterialRow row) {
        return messages.get("form.materialRow", index + 1, row.value(MaterialField.ID));
    }

    /** "Property targets, row 1 (Yield strength)". */
    static String propertyTargetWhere(Messages messages, int index, PropertyTargetRow row) {
        String key = "propertyTarget.property." + row.value(PropertyTargetField.PROPERTY);
        return messages.get("form.propertyTargetRow", index + 1,
                messages.has(key) ? messages.get(key) : row.value(PropertyTargetField.PROPERTY));
    }

    private static String propertyWhere(Messages messages, String rowWhere, PropertyTargetField field) {
        return rowWhere + ", " + messages.label("propertyTarget.field", field);
    }

    private static String materialWhere(Messages messages, String rowWhere, MaterialField field) {
        return rowWhere + ", " + messages.label("material.field", field);
    }

    /** Reads texts and engine values, putting each failure on its field. */
    private static final class Reader {
        private final Messages messages;
        private final List<FieldError> errors;

        Reader(Messages messages, List<FieldError> errors) {
            this.messages = messages;
            this.errors = errors;
        }

        <F extends Enum<F>> Double number(FormRow<F> row, F field, String where) {
            try {
                return Numbers.parseOptional(row.value(field));
            } catch (InputException e) {
                fail(row, field, where, e.localized(messages));
                return null;
            }
        }

        <F extends Enum<F>> ElementAmounts.Assay assay(FormRow<F> row, F field, String where, String balance) {
            try {
                return ElementAmounts.parseAssay(row.value(field), balance);
            } catch (InputException e) {
                fail(row, field, where, e.localized(messages));
                return new ElementAmounts.Assay(Map.of(), balance);
            }
        }

        <F extends Enum<F>> Map<String, Double> amounts(FormRow<F> row, F field, String where) {
            try {
                return ElementAmounts.parse(row.value(field));
            } catch (InputException e) {
                fail(row, field, where, e.localized(messages));
                return new LinkedHashMap<>();
            }
        }

        /** Builds an engine value; its refusal (a message naming the field and value) goes on {@code field}. */
        <F extends Enum<F>, T> T engine(FormRow<F> row, F field, String where, Supplier<T> make) {
            if (row.errors().containsKey(field)) {
                return null;
            }
            return engineGuessing(row, message -> field, where, make);
        }

        /** Builds an engine value; {@code fieldOf} picks the cell from the engine's message. */
        <F extends Enum<F>, T> T engineGuessing(FormRow<F> row, Function<String, F> fieldOf, String where, Supplier<T> make) {
            try {
                return make.get();
            } catch (IllegalArgumentException e) {
                fail(row, fieldOf.apply(MessageWords.refusedField(e)), where, MessageWords.failure(e, messages));
                return null;
            }
        }

        <F extends Enum<F>> void fail(FormRow<F> row, F field, String where, String message) {
            row.errors().put(field, message);
            errors.add(new FieldError(where, message));
        }

        boolean hasErrors(FormRow<?> row) {
            return !row.errors().isEmpty();
        }

        /** The engine's message about a material starts with the field it refuses. */
        static MaterialField materialFieldOf(String message) {
            return MATERIAL_FIELD_BY_PREFIX.entrySet().stream().filter(e -> message.startsWith(e.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse(MaterialField.ASSAY);
        }
    }
}
