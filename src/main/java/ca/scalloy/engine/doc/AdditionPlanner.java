package ca.scalloy.engine.doc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.DataTables;
import ca.scalloy.engine.Message;
import ca.scalloy.engine.MessageException;
import ca.scalloy.engine.charge.ChargeLine;
import ca.scalloy.engine.charge.ChargeResult;
import ca.scalloy.engine.charge.Material;
import ca.scalloy.engine.charge.MaterialKind;
import ca.scalloy.engine.charge.Recipe;
import ca.scalloy.engine.props.Ageing;
import ca.scalloy.engine.props.AlloyProperties;
import ca.scalloy.engine.props.PropertyCalculator;
import ca.scalloy.engine.thermo.Liquidus;
import ca.scalloy.engine.thermo.ThermoCalculator;

/**
 * Puts a solved charge in the order of additions a casthouse follows, with a temperature for each:
 * the aluminium is melted down first; a compound goes in at its reduction temperature with its flux
 * just before it; master alloys and Sc metal at the holding temperature (liquidus plus the
 * superheat, never below the minimum holding temperature: {@link #holding}); magnesium last, plunged
 * under cover, because it burns off the longer it sits. Temperatures and their sources come from
 * {@code process-temperatures.csv}.
 */
public final class AdditionPlanner {

    private static final Map<String, Double> TEMPS = new LinkedHashMap<>();
    private static final Map<String, String> SOURCES = new LinkedHashMap<>();

    static {
        for (String[] f : DataTables.rows("process-temperatures.csv")) {
            TEMPS.put(f[0], Double.parseDouble(f[1]));
            SOURCES.put(f[0], "[" + f[2] + "] " + f[3]);
        }
    }

    private AdditionPlanner() {
    }

    /** The default superheat above the liquidus, °C. */
    public static double defaultSuperheatC() {
        return TEMPS.get("defaultSuperheat");
    }

    /** Where the default superheat comes from: its confidence tag and source, as the data file gives them. */
    public static String defaultSuperheatSource() {
        return SOURCES.get("defaultSuperheat");
    }

    /** The holding temperature: liquidus + superheat, at least the minimum holding temperature. */
    public static double holdingTempC(double liquidusC, double superheatC) {
        return Math.max(liquidusC + superheatC, TEMPS.get("minimumHolding"));
    }

    /**
     * The minimum holding temperature of a product melt: its liquidus and primary phase from the
     * thermodynamic data ({@link ThermoCalculator#liquidus}) plus the superheat. A product the data
     * cannot take (more than 1 wt% of elements outside them, or a balance other than Al) falls back on
     * the property models' dilute liquidus, with its band, and says why.
     *
     * @param superheatC the superheat, degrees C ({@link #defaultSuperheatC()} cites the data file as its source)
     * @throws IllegalArgumentException for a negative superheat, or a product neither model can take
     */
    public static MeltHolding holding(Composition product, double superheatC) {
        double superheat = superheatC;
        Message source = superheatC == defaultSuperheatC() ? Message.of("melt.superheat.default", defaultSuperheatSource())
                : Message.of("melt.superheat.given", "as given");
        double floor = TEMPS.get("minimumHolding");
        Message why;
        try {
            Liquidus l = ThermoCalculator.alRichCorner().liquidus(product);
            if (Double.isFinite(l.tempC())) {
                return new MeltHolding(l.tempC(), l.primaryPhase(), null, MeltHolding.LiquidusModel.THERMODYNAMIC_DATA, null, superheat,
                        source, floor, l.database());
            }
            why = Message.of("melt.fallback.noLiquidus", "no liquidus found within the range of the thermodynamic data");
        } catch (IllegalArgumentException e) {
            // The data's refusals carry codes; any other keeps its English for the command line and the log.
            why = e instanceof MessageException m ? m.message() : Message.of("melt.fallback.refused", String.valueOf(e.getMessage()));
        }
        AlloyProperties p = new PropertyCalculator().compute(product, Ageing.asCast(), null);
        return new MeltHolding(p.liquidusC(), null, p.liquidusUncertaintyC(), MeltHolding.LiquidusModel.DILUTE_MODEL, why, superheat, source,
                floor, null);
    }

    /**
     * The additions of {@code charge} in order.
     *
     * @param liquidusC  the product's liquidus estimate, °C
     * @param superheatC superheat above it for holding, °C
     */
    public static List<AdditionStep> plan(Recipe recipe, ChargeResult charge, double liquidusC, double superheatC) {
        return plan(recipe, charge, liquidusC, superheatC, Map.of());
    }

    /**
     * The additions of {@code charge} in order, each with the lot chosen for its material.
     *
     * @param lotByMaterial material id → lot number (materials without a lot get "")
     */
    public static List<AdditionStep> plan(Recipe recipe, ChargeResult charge, double liquidusC, double superheatC,
                                          Map<String, String> lotByMaterial) {
        double holding = holdingTempC(liquidusC, superheatC);
        record Ranked(int rank, ChargeLine line, Material material, double tempC, String note) {
        }
        List<Ranked> ranked = new ArrayList<>();
        Map<String, String> fluxOf = new LinkedHashMap<>();
        for (Material m : recipe.materials()) {
            if (m.flux() != null) {
                fluxOf.put(m.flux().materialId(), m.id());
            }
        }
        for (ChargeLine line : charge.charge()) {
            Material m = recipe.material(line.materialId()).orElseThrow();
            if (m.kind() == MaterialKind.FLUX) {
                String compound = fluxOf.get(m.id());
                double t = compound == null ? holding : reductionTempC(recipe.material(compound).orElseThrow());
                ranked.add(new Ranked(2, line, m, t, compound == null ? "note.coverFlux" : "note.fluxFirst"));
            } else if (m.kind() == MaterialKind.COMPOUND) {
                ranked.add(new Ranked(3, line, m, reductionTempC(m), "note.reduce"));
            } else if (isBase(recipe, m)) {
                ranked.add(new Ranked(1, line, m, TEMPS.get("meltDown"), "note.meltDown"));
            } else if (m.composition().pct("Mg") >= 90) {
                ranked.add(new Ranked(5, line, m, holding, "note.magnesium"));
            } else if (m.composition().pct("Sc") >= 90) {
                ranked.add(new Ranked(4, line, m, Math.max(holding, TEMPS.get("scMetal")), "note.scMetal"));
            } else {
                ranked.add(new Ranked(4, line, m, holding, "note.masterAlloy"));
            }
        }
        ranked.sort(Comparator.comparingInt(Ranked::rank).thenComparing(r -> -r.line().massKg()));
        List<AdditionStep> steps = new ArrayList<>();
        int order = 1;
        for (Ranked r : ranked) {
            Material m = r.material();
            Double rec = m.kind() == MaterialKind.FLUX ? null : 100 * recipe.recoveryFraction(m, mainElement(recipe, m));
            steps.add(new AdditionStep(order++, m, r.line().massKg(), rec, r.tempC(), r.note(), lotByMaterial.getOrDefault(m.id(), "")));
        }
        return steps;
    }

    /** The element a material is charged for: a compound's delivered element, else its largest non-balance element. */
    static String mainElement(Recipe recipe, Material m) {
        if (m.kind() == MaterialKind.COMPOUND) {
            return m.deliveredElement();
        }
        String best = m.composition().balanceElement();
        double bestPct = best.equals(recipe.balanceElement()) ? 0 : m.composition().balancePct();
        for (Map.Entry<String, Double> e : m.composition().wtPct().entrySet()) {
            if (e.getValue() > bestPct && !e.getKey().equals(recipe.balanceElement())) {
                best = e.getKey();
                bestPct = e.getValue();
            }
        }
        return bestPct > 0 ? best : recipe.balanceElement();
    }

    /** The base metal melted first: aluminium, an alloy or scrap that is mostly the balance element (not a master alloy). */
    private static boolean isBase(Recipe recipe, Material m) {
        return m.kind() != MaterialKind.MASTER_ALLOY && m.composition().pct(recipe.balanceElement()) >= 90;
    }

    private static double reductionTempC(Material compound) {
        for (String anion : new String[] {"O", "F", "Cl"}) {
            if (compound.formula().atoms().containsKey(anion)) {
                return TEMPS.get("reduction." + anion);
            }
        }
        return TEMPS.get("reduction.F");
    }
}
