package ca.scalloy.engine.charge;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ca.scalloy.engine.DataTables;

/**
 * The uncertainty a charge is judged with when no material of its recipe states one (issue 14, point 3):
 * the spread of each material's recovery learned from the plant's released heats, else the documented
 * default spreads of {@code default-spreads.csv} (each row tagged with its source). A recipe in which
 * any material states an uncertainty is taken as it stands: its author said what is known.
 *
 * <p>Defaults are laid only on what can make a sample fail: the elements the recipe limits, as each
 * material brings them (a metallic material's listed elements, a compound's delivered element), never a
 * metallic material's balance element.
 */
public final class DefaultSpreads {

    /** Where the spreads a charge was judged with came from. */
    public enum Source {
        /** The recipe's materials state them. */
        STATED,
        /** The plant's released heats gave at least one material's spread (the reference data the rest). */
        PLANT_HISTORY,
        /** The reference data's default spreads. */
        REFERENCE,
        /** Nothing is known: no spread stated, learned or documented for any limited element. */
        NONE
    }

    /**
     * One row of {@code default-spreads.csv}.
     *
     * @param kind          the kind of material
     * @param element       the element, or {@code "*"} for any element without a row of its own
     * @param recoverySdPct standard deviation of the recovery, percentage points
     * @param assaySdRelPct standard deviation of the assay, % of the stated content
     * @param tag           est, calc or src, as in the reference data
     * @param source        where the figure comes from
     */
    public record Row(MaterialKind kind, String element, double recoverySdPct, double assaySdRelPct, String tag, String source) {
    }

    /** A recipe with the spreads laid on its materials, and where they came from. */
    public record Applied(Recipe recipe, Source source) {
    }

    /** No defaults at all: a recipe is judged only with what its materials state. */
    public static final DefaultSpreads NONE = new DefaultSpreads(List.of(), Map.of());

    private static final class Reference {
        static final DefaultSpreads INSTANCE = new DefaultSpreads(load(), Map.of());
    }

    private final List<Row> rows;
    private final Map<String, Map<String, RecoverySpread>> history;

    private DefaultSpreads(List<Row> rows, Map<String, Map<String, RecoverySpread>> history) {
        this.rows = List.copyOf(rows);
        Map<String, Map<String, RecoverySpread>> copy = new LinkedHashMap<>();
        history.forEach((id, byElement) -> copy.put(id, Map.copyOf(byElement)));
        this.history = Collections.unmodifiableMap(copy);
    }

    /** The documented default spreads of {@code default-spreads.csv}, read once. */
    public static DefaultSpreads reference() {
        return Reference.INSTANCE;
    }

    /**
     * These defaults with the plant's history laid over them: per material id, per element, the spread
     * of its recovery learned from released heats by the recipe's route.
     */
    public DefaultSpreads withHistory(Map<String, Map<String, RecoverySpread>> byMaterial) {
        return new DefaultSpreads(rows, byMaterial);
    }

    /** The reference rows, in file order, with their tags and sources. */
    public List<Row> rows() {
        return rows;
    }

    /** The learned spread of {@code materialId}'s recovery of {@code element}, if the plant's heats give one. */
    public Optional<RecoverySpread> history(String materialId, String element) {
        return Optional.ofNullable(history.getOrDefault(materialId, Map.of()).get(element));
    }

    /**
     * {@code recipe} with the default spreads laid on its materials when none states an uncertainty;
     * otherwise {@code recipe} itself ({@link Source#STATED}). When no default applies to any limited
     * element, {@code recipe} itself with {@link Source#NONE}.
     */
    public Applied apply(Recipe recipe) {
        if (recipe.statesUncertainty()) {
            return new Applied(recipe, Source.STATED);
        }
        boolean learned = false;
        boolean documented = false;
        List<Material> materials = new ArrayList<>();
        for (Material m : recipe.materials()) {
            Map<String, Double> assaySd = new LinkedHashMap<>();
            Map<String, Double> recoverySd = new LinkedHashMap<>();
            for (ElementTarget t : recipe.targets()) {
                String el = t.element();
                if (!brings(m, el)) {
                    continue;
                }
                Optional<Row> row = row(m.kind(), el);
                Optional<RecoverySpread> h = history(m.id(), el);
                if (h.isPresent() && h.get().sdPct() > 0) {
                    recoverySd.put(el, Math.min(100, h.get().sdPct()));
                    learned = true;
                } else if (row.isPresent() && row.get().recoverySdPct() > 0) {
                    recoverySd.put(el, row.get().recoverySdPct());
                    documented = true;
                }
                if (row.isPresent() && row.get().assaySdRelPct() > 0) {
                    assaySd.put(el, m.elementContentKgPerKg(el) * row.get().assaySdRelPct());
                    documented = true;
                }
            }
            materials.add(assaySd.isEmpty() && recoverySd.isEmpty() ? m : m.withUncertainty(new MaterialUncertainty(assaySd, recoverySd)));
        }
        if (!learned && !documented) {
            return new Applied(recipe, Source.NONE);
        }
        return new Applied(recipe.withMaterials(materials), learned ? Source.PLANT_HISTORY : Source.REFERENCE);
    }

    /** Whether {@code m} brings {@code element} as something that may stray (not its balance, not through a flux). */
    private static boolean brings(Material m, String element) {
        if (m.kind() == MaterialKind.COMPOUND) {
            return element.equals(m.deliveredElement());
        }
        return m.kind().isMetallic() && m.composition().wtPct().getOrDefault(element, 0.0) > 0;
    }

    private Optional<Row> row(MaterialKind kind, String element) {
        Row any = null;
        for (Row r : rows) {
            if (r.kind() == kind && r.element().equals(element)) {
                return Optional.of(r);
            }
            if (r.kind() == kind && r.element().equals("*") && any == null) {
                any = r;
            }
        }
        return Optional.ofNullable(any);
    }

    private static List<Row> load() {
        List<Row> out = new ArrayList<>();
        for (String[] f : DataTables.rows("default-spreads.csv")) {
            if (f.length < 6) {
                throw new IllegalStateException("default-spreads.csv: a row needs kind,element,recoverySdPct,assaySdRelPct,tag,source, was "
                        + String.join(",", f));
            }
            String source = String.join(",", java.util.Arrays.copyOfRange(f, 5, f.length)).strip();
            double rec = Double.parseDouble(f[2].strip());
            double rel = Double.parseDouble(f[3].strip());
            if (rec < 0 || rec > 100 || rel < 0 || rel > 100) {
                throw new IllegalStateException("default-spreads.csv: spreads must be from 0 to 100, were " + rec + " and " + rel);
            }
            out.add(new Row(MaterialKind.valueOf(f[0].strip()), f[1].strip(), rec, rel, f[4].strip(), source));
        }
        return out;
    }
}
