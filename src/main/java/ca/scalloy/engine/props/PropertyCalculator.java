package ca.scalloy.engine.props;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.Element;
import ca.scalloy.engine.Elements;
import ca.scalloy.engine.Message;
import ca.scalloy.engine.MessageException;
import ca.scalloy.engine.kinetics.AgeingPoint;
import ca.scalloy.engine.kinetics.AgeingResult;
import ca.scalloy.engine.kinetics.AgeingSchedule;
import ca.scalloy.engine.kinetics.AgeingStep;
import ca.scalloy.engine.kinetics.KineticParameters;
import ca.scalloy.engine.kinetics.PrecipitationKinetics;
import ca.scalloy.engine.kinetics.StartingState;
import ca.scalloy.engine.kinetics.StartingStates;
import ca.scalloy.engine.kinetics.ThermoSoluteEquilibrium;
import ca.scalloy.engine.thermo.DatabaseUse;
import ca.scalloy.engine.thermo.Invariant;
import ca.scalloy.engine.thermo.MeltingRange;
import ca.scalloy.engine.thermo.PhaseNames;
import ca.scalloy.engine.thermo.ProcessRoute;
import ca.scalloy.engine.thermo.ScheilCurve;
import ca.scalloy.engine.thermo.SolidSolution;
import ca.scalloy.engine.thermo.Solvus;
import ca.scalloy.engine.thermo.ThermoCalculator;

/**
 * Estimates the properties of an aluminium alloy before it is melted, each with a calibrated band: density;
 * liquidus with its primary phase, solidus and solvus from the CALPHAD core ({@code engine.thermo}); what (Al) keeps
 * in solution after the process route (Scheil-Gulliver for casting, the technique's limits for rapid
 * solidification, the equilibrium below the solidus) and after homogenisation and annealing
 * ({@link StartingStates}); Al3(Sc,Zr) after ageing from the precipitation kinetics ({@code engine.kinetics});
 * yield strength, resistivity and conductivity from what is really in solution; the growth restriction factor Q.
 * The bands' rules are in {@code property-bands.csv}, calibrated on the validation table (decision 0015).
 * Immutable and thread-safe.
 */
public final class PropertyCalculator {

    private static final ModelParameters BAND_RULES = ModelParameters.load("property-bands.csv");
    private static final String ESTIMATE = "est";
    private static final String CALCULATED = "calc";
    private static final String AL3SC = "AL3SC";
    private static final String AL3ZR = "AL3ZR";
    private static final String FCC = "FCC_A1";
    /** Cu and Zn above this (wt%, together) harden by precipitates the model does not have. */
    private static final double OTHER_HARDENING_MAX_WT_PCT = 1.0;
    /** Mg and Si both above this (wt%): a 6xxx alloy that can harden by Mg2Si, which the model does not have. */
    private static final double MG2SI_HARDENING_MIN_WT_PCT = 0.3;

    private final ModelParameters p;
    private final ModelParameters bandRules;
    private final ThermoCalculator thermo;
    private final StartingStates states;
    private final PrecipitationKinetics kinetics;
    private final SoluteTable solutes;

    public PropertyCalculator() {
        this(ModelParameters.standard());
    }

    public PropertyCalculator(ModelParameters parameters) {
        this.p = Objects.requireNonNull(parameters, "parameters");
        this.bandRules = BAND_RULES;
        this.thermo = ThermoCalculator.alRichCorner();
        this.states = new StartingStates(thermo, parameters);
        this.kinetics = new PrecipitationKinetics(ThermoSoluteEquilibrium.standard(), KineticParameters.standard(), parameters);
        this.solutes = SoluteTable.standard();
    }

    /**
     * Every property of {@code c} conventionally cast, in the single-step thermal state {@code ageing}.
     *
     * @param c         the alloy, balance Al
     * @param ageing    as cast, or aged at a temperature for a time
     * @param holdTempC the planned melt holding temperature (°C) to check against the liquidus, or null
     * @throws IllegalArgumentException when the balance element is not Al
     */
    public AlloyProperties compute(Composition c, Ageing ageing, Double holdTempC) {
        return compute(c, PropertyConditions.of(ageing).withHoldTempC(holdTempC));
    }

    /**
     * Every property of {@code c} made and aged as {@code conditions} say.
     *
     * @throws IllegalArgumentException when the balance element is not Al
     */
    public AlloyProperties compute(Composition c, PropertyConditions conditions) {
        if (!c.balanceElement().equals("Al")) {
            throw new MessageException("properties.error.notAluminium", "balanceElement: the property models are for aluminium alloys, not "
                    + c.balanceElement(), c.balanceElement()).at("balanceElement");
        }
        Estimate e = new Estimate(c, conditions);
        e.density();
        e.melting();
        e.solidification(true);
        e.solvuses();
        e.ageing();
        e.resistivity();
        e.alerts();
        return e.result();
    }

    /**
     * Only the named properties of {@code c} made and aged as {@code conditions} say, each with its band: the steps
     * they rest on and no others (a yield strength after RAPID needs neither the liquidus nor the growth restriction
     * factor; after CAST it needs the Scheil path, which gives Q with it). The values and bands are the very numbers
     * {@link #compute(Composition, PropertyConditions)} gives for them; its warnings, notes and model notes are not
     * made. For a search that estimates a property many times; a result shown to a user comes from the full estimate.
     *
     * @param properties names from {@link PropertyValues#PROPERTIES}
     * @throws IllegalArgumentException when the balance element is not Al or a property is not one of them
     */
    public PropertyValues compute(Composition c, PropertyConditions conditions, Set<String> properties) {
        if (!c.balanceElement().equals("Al")) {
            throw new IllegalArgumentException("balanceElement: the property models are for aluminium alloys, not " + c.balanceElement());
        }
        for (String key : properties) {
            if (!PropertyValues.PROPERTIES.contains(key)) {
                throw new IllegalArgumentException("properties: '" + key + "' cannot be estimated alone; allowed: "
                        + String.join(", ", PropertyValues.PROPERTIES));
            }
        }
        Estimate e = new Estimate(c, conditions);
        boolean meltingNamed = properties.contains("liquidusC") || properties.contains("solidusC");
        boolean q = properties.contains("growthRestrictionQ");
        boolean aged = properties.stream().anyMatch(AGEING_PROPERTIES::contains);
        boolean start = aged || q || properties.contains("grainSizeUm");
        if (properties.contains("densityGPerCm3")) {
            e.density();
        }
        // RAPID keeps its solutes by the technique's limits and has the grain of the build: no melting range needed
        if (meltingNamed || q || start && conditions.route() != ProcessRoute.RAPID) {
            e.melting();
        }
        if (start) {
            e.solidification(q);
        }
        if (aged) {
            e.ageing();
            e.resistivity();
            e.ageingBands();
        }
        Map<String, Double> values = new LinkedHashMap<>();
        Map<String, Band> bands = new LinkedHashMap<>();
        for (String key : properties) {
            values.put(key, e.value(key));
            Band b = e.bands.get(key);
            if (b != null) {
                bands.put(key, b);
            }
        }
        return new PropertyValues(values, bands);
    }

    /** The properties that rest on the precipitation kinetics (what ageing leaves in solution and precipitated). */
    private static final Set<String> AGEING_PROPERTIES = Set.of("yieldStrengthMPa", "conductivityPctIACS", "resistivityMicroOhmCm",
            "scInSolutionWtPct", "scInSolutionAtPct", "zrInSolutionWtPct", "al3ScVolumePct");

    /** One estimate being made: what each step found, for the next. */
    private final class Estimate {
        final Composition c;
        final PropertyConditions cond;
        final List<Message> warnings = new ArrayList<>();
        final List<ModelNote> models = new ArrayList<>();
        final Map<String, Band> bands = new LinkedHashMap<>();
        final Map<String, String> notes = new LinkedHashMap<>();
        /** The alloy as the thermodynamic data take it: elements outside them removed when there are too many to leave out. */
        final Composition thermoAlloy;
        /** Elements outside the thermodynamic data, wt%. */
        final Map<String, Double> uncovered = new LinkedHashMap<>();
        double density;
        MeltingRange melting;
        double liquidusC;
        double solidusC;
        double eutecticC;
        Band liquidusBand;
        ScheilCurve scheil;
        StartingState start;
        double growthRestriction;
        Double scSolvusC;
        Double zrSolvusC;
        AgeingPoint end;
        AgeingResult aged;
        YieldStrength yield;
        double resistivity;
        double conductivity;
        double scIn;
        double zrIn;
        double scAt;
        double volume;
        Double solubility;
        Double radius;

        Estimate(Composition c, PropertyConditions cond) {
            this.c = c;
            this.cond = cond;
            double sum = 0;
            Map<String, Double> kept = new LinkedHashMap<>();
            for (Map.Entry<String, Double> en : c.wtPct().entrySet()) {
                if (en.getValue() <= 0) {
                    continue;
                }
                if (thermo.elements().contains(en.getKey())) {
                    kept.put(en.getKey(), en.getValue());
                } else {
                    uncovered.put(en.getKey(), en.getValue());
                    sum += en.getValue();
                }
            }
            this.thermoAlloy = sum > ThermoCalculator.OMITTED_MAX_WT_PCT ? new Composition(kept, "Al") : c;
        }

        void density() {
            density = PropertyCalculator.density(c, warnings) * (1 + p.get("density.mgExcessPerWtPct") * c.pct("Mg"));
            double rel = bandRules.get("density.relative");
            bands.put("densityGPerCm3", Band.around(density, rel * density, rel * density));
            models.add(new ModelNote("density",
                    Message.of("model.density.name", "inverse rule of mixtures 1/ρ = Σ wᵢ/ρᵢ, times (1 + a·Mg) for the excess volume of Mg in (Al)"),
                    Message.of("model.density.source", "element densities (handbook); a fitted to ASM Handbook Vol. 2 densities of 5xxx alloys"
                            + " (decision 0015)"),
                    Message.of("model.density.validity", "Al alloys to 10 wt% of solutes; band ±" + pct(rel), 100 * rel), "fit"));
        }

        /** Liquidus, solidus and the Al-Sc eutectic from the CALPHAD core, corrected for elements outside the data. */
        void melting() {
            melting = thermo.meltingRange(thermoAlloy);
            double shift = 0;
            double solidusShift = 0;
            double widen = 0;
            double solidusWiden = 0;
            double share = bandRules.get("omitted.slopeBandShare");
            for (Map.Entry<String, Double> u : uncovered.entrySet()) {
                SoluteTable.Solute s = solutes.get(u.getKey());
                Double m = s == null ? null : s.liquidusSlopeKPerWtPct();
                if (m != null && s.partitionK() != null) {
                    // dilute theory: the liquidus moves by m·c, the solidus by (m/k)·c for a eutectic former (k < 1)
                    double k = s.partitionK();
                    double dL = m * u.getValue();
                    double dS = (k < 1 ? m / k : m) * u.getValue();
                    shift += dL;
                    solidusShift += dS;
                    widen += share * Math.abs(dL);
                    solidusWiden += share * Math.abs(dS);
                } else {
                    widen += bandRules.get("omitted.unknownKPerWtPct") * u.getValue();
                    solidusWiden += bandRules.get("omitted.unknownKPerWtPct") * u.getValue();
                }
            }
            if (!uncovered.isEmpty()) {
                warnings.add(Message.of("warning.outsideThermoData", String.format(Locale.ROOT, "%s wt%% is outside the thermodynamic"
                        + " data: left out of liquidus, solidus, solvus and what stays in solution; the liquidus is shifted by the dilute"
                        + " slopes (%+.1f K), the solidus by m/k (%+.1f K), and their bands widened", uncovered, shift, solidusShift),
                        String.valueOf(uncovered), shift, solidusShift));
            }
            String primary = melting.liquidus().primaryPhase();
            liquidusC = melting.liquidus().tempC() + shift;
            double below;
            double above;
            String why;
            if (FCC.equals(primary)) {
                below = above = bandRules.get("liquidus.fccK");
                why = "primary (Al): the data reproduce the binary invariants within 3 K";
            } else if (AL3SC.equals(primary)) {
                below = bandRules.get("liquidus.al3ScBelowK");
                above = bandRules.get("liquidus.al3ScAboveK");
                why = "primary Al3Sc: the hypereutectic Al-Sc liquid is uncertain; the band spans the published descriptions (decision 0013)";
            } else if (StartingStates.GRAIN_REFINING_PHASES.contains(primary)) {
                below = above = bandRules.get("liquidus.trialuminideK");
                why = "primary " + primary + ": scatter of the measured hyper-peritectic liquidus";
            } else {
                below = above = bandRules.get("liquidus.otherK");
                why = "primary " + primary + ": COST 507 ternary descriptions";
            }
            if (!melting.liquidus().converged()) {
                below += bandRules.get("liquidus.notConvergedK");
                above += bandRules.get("liquidus.notConvergedK");
                warnings.add(Message.of("warning.liquidusNotConverged", "The liquidus search did not converge: its band is widened"));
            }
            liquidusBand = Band.around(liquidusC, below + widen, above + widen);
            bands.put("liquidusC", liquidusBand);
            notes.put("liquidusC", why);
            solidusC = melting.solidus().tempC() + solidusShift;
            double solidusBelow = bandRules.get("solidus.belowK") + solidusWiden;
            double solidusAbove = bandRules.get("solidus.aboveK") + solidusWiden;
            if (!melting.solidus().converged()) {
                solidusBelow += bandRules.get("liquidus.notConvergedK");
                solidusAbove += bandRules.get("liquidus.notConvergedK");
                warnings.add(Message.of("warning.solidusNotConverged", "The solidus search did not converge: its band is widened"));
            }
            solidusC = Math.min(solidusC, liquidusC);
            bands.put("solidusC", Band.around(solidusC, solidusBelow, solidusAbove));
            eutecticC = alScEutectic().tempC();
            bands.put("eutecticC", Band.around(eutecticC, bandRules.get("eutectic.belowK"), bandRules.get("eutectic.aboveK")));
            Message data = calphad(melting.liquidus().database());
            models.add(new ModelNote("liquidus", Message.of("model.liquidus.name", "equilibrium: the highest temperature at which a solid"
                    + " can form from the liquid; primary phase " + primary, PhaseNames.display(primary)), data,
                    Message.of("model.liquidus.validity", "Al-rich alloys of Al, Fe, Mg, Mn, Sc, Si, Ti, Zr (others by their dilute slope)"),
                    CALCULATED));
            models.add(new ModelNote("solidus", Message.of("model.solidus.name", "equilibrium solidus (the last liquid disappears); CAST also"
                    + " gives where Scheil-Gulliver ends"), data,
                    Message.of("model.solidus.validity", "Al-rich alloys; the melting onset of homogenised metal"), CALCULATED));
        }

        /**
         * What solidification (the route) and the later heat treatment leave in (Al), the grain, and, when
         * {@code wantQ} or the Scheil path (CAST) gives it, the growth restriction factor Q. The melting range may be
         * null for RAPID, whose solutes and grain do not depend on it, when Q is not wanted.
         */
        void solidification(boolean wantQ) {
            ProcessRoute route = cond.route();
            SolidSolution solid;
            if (route == ProcessRoute.CAST) {
                scheil = thermo.scheil(thermoAlloy, melting.liquidus());
                solid = SolidSolution.afterScheil(scheil);
            } else {
                solid = thermo.solidSolution(thermoAlloy, route, null, melting);
            }
            StartingState s = states.from(c, thermoAlloy, solid, melting == null ? null : melting.liquidus().primaryPhase());
            if (cond.grainSizeUm() != null) {
                s = new StartingState(s.route(), s.scInSolutionWtPct(), s.zrInSolutionWtPct(), cond.grainSizeUm() * 1e-6,
                        Message.joined(List.of(s.basis(), Message.of("state.grainGiven", "grain size given"))), s.otherSolutesWtPct());
            }
            start = s;
            if (scheil != null || wantQ) {
                growthRestriction();
            }
            // The route's own account (start.basis()) is a chain of clauses, each a code with arguments: the command line prints
            // their English, the workbench words each one after a general summary.
            models.add(new ModelNote("solid solution", Message.of("model.solidSolution.name", "what (Al) keeps: " + route + " ("
                    + solid.source().english() + ")", route), Message.of("model.solidSolution.source", start.basis().english(), start.basis()),
                    Message.of("model.solidSolution.validity", "Sc and Zr as solidified, then the kinetics; Mn, Fe, Cr after homogenisation;"
                            + " Mg, Si, Cu, Zn after annealing; RAPID as built"), ESTIMATE));
            double grainUm = start.grainSizeM() * 1e6;
            if (cond.grainSizeUm() == null) {
                double f = bandRules.get("grain.factor");
                bands.put("grainSizeUm", new Band(grainUm / f, grainUm * f));
            } else {
                bands.put("grainSizeUm", new Band(grainUm, grainUm));
            }
            if (scheil != null) {
                bands.put("scheilSolidusC", Band.around(scheil.solidusC(), bandRules.get("solidus.belowK"), bandRules.get("solidus.aboveK")));
            }
        }

        /** The growth restriction factor Q: from the Scheil path when there is one, else from the liquidus's liquid. */
        private void growthRestriction() {
            Double q = scheil != null ? scheil.growthRestrictionK() : thermo.growthRestrictionK(thermoAlloy, melting.liquidus());
            double extra = 0;
            for (Map.Entry<String, Double> u : uncovered.entrySet()) {
                SoluteTable.Solute data = solutes.get(u.getKey());
                if (data != null && data.liquidusSlopeKPerWtPct() != null && data.partitionK() != null) {
                    extra += data.liquidusSlopeKPerWtPct() * u.getValue() * (data.partitionK() - 1);
                }
            }
            if (q == null) {
                growthRestriction = Double.NaN;
                notes.put("growthRestrictionQ", "(Al) does not form on the Scheil path of this alloy");
            } else {
                growthRestriction = q + extra;
                double rel = bandRules.get("q.relative");
                bands.put("growthRestrictionQ", Band.around(growthRestriction, rel * growthRestriction + Math.abs(extra),
                        rel * growthRestriction + Math.abs(extra)));
            }
            models.add(new ModelNote("growth restriction", Message.of("model.growthRestriction.name", "Q = ΔT/f_s of (Al) as f_s → 0"
                    + " (Schmid-Fetzer & Kozlov), all solutes together from the CALPHAD core; elements outside the data add m·c0·(k − 1)"),
                    Message.of("model.growthRestriction.source", "CALPHAD data; dilute slopes and partition coefficients (al-sc-data §3.2)"),
                    Message.of("model.growthRestriction.validity", "(Al) forming from an Al-rich liquid"), CALCULATED));
        }

        /** Al3Sc's and the Zr phases' solvus where they exist below the solidus. */
        void solvuses() {
            double k = bandRules.get("solvus.K");
            if (c.pct("Sc") > 0) {
                Solvus s = thermo.solvus(thermoAlloy, melting, AL3SC);
                scSolvusC = s.tempC();
                if (scSolvusC == null) {
                    notes.put("scSolvusC", "Al3Sc " + s.note());
                } else {
                    bands.put("scSolvusC", Band.around(scSolvusC, k, k));
                }
            } else {
                notes.put("scSolvusC", "the alloy has no Sc");
            }
            if (c.pct("Zr") > 0) {
                Solvus al3zr = thermo.solvus(thermoAlloy, melting, AL3ZR);
                Solvus held = al3zr;
                if (c.pct("Sc") > 0) {
                    Solvus withSc = thermo.solvus(thermoAlloy, melting, AL3SC);
                    if (withSc.tempC() == null || al3zr.tempC() != null && withSc.tempC() > al3zr.tempC()) {
                        held = new Solvus("AL3SC", withSc.tempC(), withSc.note() == null ? null : "Al3(Sc,Zr), which holds Zr, is "
                                + withSc.note());
                    }
                }
                zrSolvusC = held.tempC();
                if (zrSolvusC == null) {
                    notes.put("zrSolvusC", held.phase().equals(AL3ZR) ? "Al3Zr " + held.note() : held.note());
                } else {
                    bands.put("zrSolvusC", Band.around(zrSolvusC, k, k));
                }
            } else {
                notes.put("zrSolvusC", "the alloy has no Zr");
            }
            Message data = Message.of("model.solvus.source", "CALPHAD: mc_al 2.037 (Al3Sc, (Al)), COST 507 (Al3Zr)");
            Message belowSolidus = Message.of("model.solvus.validity", "Al-rich alloys, below the solidus");
            models.add(new ModelNote("Sc solvus", Message.of("model.scSolvus.name", "the temperature above which Al3Sc is not stable in the"
                    + " solid alloy (all its Sc in (Al)); none where Al3Sc is stable up to the solidus"), data, belowSolidus, CALCULATED));
            models.add(new ModelNote("Zr solvus", Message.of("model.zrSolvus.name", "the temperature above which no Zr-bearing phase (Al3Zr,"
                    + " Al3(Sc,Zr)) is stable in the solid alloy; none where one is stable up to the solidus"), data, belowSolidus,
                    CALCULATED));
        }

        /** The precipitation kinetics through the schedule, or the state entering it. */
        void ageing() {
            AgeingSchedule schedule = cond.schedule();
            if (schedule != null) {
                aged = kinetics.simulate(c, start, schedule);
                end = aged.last();
                warnings.addAll(aged.warnings());
            } else {
                end = kinetics.quenched(c, start, 20);
            }
            YieldStrength ys = end.strength().yieldStrength();
            double v = ys.valueMPa();
            double rel = bandRules.get("yield.relative");
            double low = ys.lowMPa() - rel * v;
            double high = ys.highMPa() + rel * v;
            String why = null;
            double cuZn = c.pct("Cu") + c.pct("Zn");
            boolean mg2si = c.pct("Mg") > MG2SI_HARDENING_MIN_WT_PCT && c.pct("Si") > MG2SI_HARDENING_MIN_WT_PCT && c.pct("Mg") < 2;
            if (cuZn > OTHER_HARDENING_MAX_WT_PCT || mg2si) {
                high = Math.max(high, bandRules.get("yield.outsideHighFactor") * v);
                why = "outside the model's validity: " + (mg2si ? "Mg2Si (6xxx) hardening" : "Cu/Zn precipitation hardening")
                        + " is not modelled; the value is that of the annealed state, a lower bound for a hardened temper";
                warnings.add(Message.of(mg2si ? "warning.yieldMg2Si" : "warning.yieldCuZn", "Yield strength: " + why));
            }
            if (schedule == null && cond.route() == ProcessRoute.RAPID) {
                high = Math.max(high, v * (1 + bandRules.get("yield.rapidAsBuiltHighShare")));
                notes.put("yieldStrengthMPa", "as built: the build's own thermal cycles age part of the metal, which the model (quenched)"
                        + " does not have; published as-built strengths spread widely");
            }
            double scStart = start.scInSolutionWtPct();
            if (schedule != null && scStart > 0 && scStart < bandRules.get("yield.diluteScThresholdWtPct")) {
                high = Math.max(high, v + bandRules.get("yield.diluteScMPaPerWtPct") * scStart);
                why = String.format(Locale.ROOT, "%.3f wt%% Sc in solution is below %.2f wt%%: real alloys nucleate Al3Sc faster than the"
                        + " model's homogeneous nucleation, so the band reaches the hardening such alloys show", scStart,
                        bandRules.get("yield.diluteScThresholdWtPct"));
                warnings.add(Message.of("warning.yieldDiluteSc", "Yield strength: " + why, scStart,
                        bandRules.get("yield.diluteScThresholdWtPct")));
            }
            low = Math.max(0, Math.min(low, v));
            yield = new YieldStrength(v, low, Math.max(high, v), ys.contributions());
            bands.put("yieldStrengthMPa", new Band(yield.lowMPa(), yield.highMPa()));
            if (why != null) {
                notes.put("yieldStrengthMPa", why);
            }
            models.add(new ModelNote("Al3Sc", schedule == null
                    ? Message.of("model.al3Sc.noAgeing", "no ageing: nothing precipitated beyond what solidification formed")
                    : Message.of("model.al3Sc.name", "Kampmann-Wagner numerical model of Al3Sc / Al3(Sc,Zr) through " + schedule + " (°C:h)",
                            String.valueOf(schedule)),
                    Message.of("model.al3Sc.source", "decision 0014; " + ThermoSoluteEquilibrium.standard().source()),
                    Message.of("model.al3Sc.validity", "Sc 0.15 to about 0.7 wt% in solution, 100-550 °C"), ESTIMATE));
            models.add(new ModelNote("yield strength", Message.of("model.yield.name", "linear sum: base + solid solution of what is in"
                    + " solution + Al3(Sc,Zr) over the size distribution (the weaker of shearing and Orowan looping) + Hall-Petch"),
                    Message.of("model.yield.source", "Seidman, Marquis & Dunand 2002; Fuller et al. 2005; handbook coefficients; band"
                            + " calibrated (decision 0015)"),
                    Message.of("model.yield.validity", "Al-Mg-Sc(-Zr) and non-heat-treatable alloys, annealed or aged for Al3(Sc,Zr)"), "fit"));
        }

        /** Resistivity from what is in solution and what is out of it, Matthiessen's rule. */
        void resistivity() {
            double rho = p.get("resistivity.base");
            List<String> without = new ArrayList<>();
            for (Map.Entry<String, Double> en : c.wtPct().entrySet()) {
                String el = en.getKey();
                double total = en.getValue();
                if (total <= 0) {
                    continue;
                }
                SoluteTable.Solute data = solutes.get(el);
                if (data == null) {
                    without.add(el);
                    continue;
                }
                double in = switch (el) {
                    case "Sc" -> end.scInSolutionWtPct();
                    case "Zr" -> end.zrInSolutionWtPct();
                    default -> start.otherSolutesWtPct().getOrDefault(el, 0.0);
                };
                in = Math.min(in, total);
                rho += data.inMicroOhmCmPerWtPct() * in + data.outMicroOhmCmPerWtPct() * (total - in);
            }
            resistivity = rho;
            conductivity = p.get("iacs.reference") / rho;
            double rel = bandRules.get("conductivity.relative");
            bands.put("conductivityPctIACS", Band.around(conductivity, rel * conductivity, rel * conductivity));
            bands.put("resistivityMicroOhmCm", new Band(rho / (1 + rel), rho / (1 - rel)));
            if (!without.isEmpty()) {
                warnings.add(Message.of("warning.noResistivity", without + " have no resistivity data: left out of the resistivity estimate",
                        String.join(", ", without)));
                notes.put("conductivityPctIACS", without + " left out (no resistivity data)");
            }
            models.add(new ModelNote("resistivity", Message.of("model.resistivity.name", "Matthiessen's rule at 20 °C: each solute's"
                    + " increment in solution and out of it, by what the route, homogenisation, annealing and ageing leave in (Al)"),
                    Message.of("model.resistivity.source", "Hatch (ed.), Aluminum: Properties and Physical Metallurgy, ASM 1984; Sc: Fujikawa"
                            + " 1979; band calibrated (decision 0015)"),
                    Message.of("model.resistivity.validity", "Al alloys at room temperature, O temper or aged for Al3(Sc,Zr); band ±" + pct(rel),
                            100 * rel), "fit"));
        }

        void alerts() {
            double tied = states.scTiedUpBySiWtPct(c);
            if (c.pct("Sc") > 0 && tied > 0) {
                warnings.add(Message.of("warning.siTiesScUp", String.format(Locale.ROOT, "Si %s wt%% is above %s wt%%: it ties Sc up as"
                        + " (Al,Si)-Sc phases and removes its hardening: %.3f wt%% Sc taken out of solution (one Sc atom per Si atom above"
                        + " the limit, AlSc2Si2)", number(c.pct("Si")), number(p.get("si.tieUpThresholdWtPct")), Math.min(tied, c.pct("Sc"))),
                        c.pct("Si"), p.get("si.tieUpThresholdWtPct"), Math.min(tied, c.pct("Sc"))));
            }
            double outOfSolution = c.pct("Sc") - start.scInSolutionWtPct() - Math.min(tied, c.pct("Sc"));
            if (outOfSolution > 1e-4 && cond.route() != ProcessRoute.RAPID) {
                warnings.add(Message.of("warning.scOutOfSolution", String.format(Locale.ROOT, "%.3f wt%% of the Sc is out of solution"
                        + " after %s (primary and eutectic Al3Sc): it refines the grain but does not harden on ageing (primary Al3Sc on"
                        + " casting; rapid solidification keeps more Sc in solution)", outOfSolution,
                        cond.route() == ProcessRoute.CAST ? "casting" : "solidification"), outOfSolution));
            }
            if (cond.aged() && c.pct("Sc") > 0) {
                double tempC = last(cond.schedule()).tempC();
                double solubility = thermo.solubilityWtPct("Sc", AL3SC, tempC);
                double share = start.scInSolutionWtPct() > 0 ? Math.min(1, solubility / start.scInSolutionWtPct()) : 0;
                if (share > p.get("warn.scInSolutionShare")) {
                    warnings.add(Message.of("warning.scStaysInSolution", String.format(Locale.ROOT,
                            "At %.0f °C, %.0f %% of the Sc stays in solution (solubility %.4f wt%%): it cannot precipitate; age lower",
                            tempC, 100 * share, solubility), tempC, 100 * share, solubility));
                }
            }
            if (c.pct("Mg") > p.get("warn.alMgMgWtPct")) {
                if (c.pct("Na") > p.get("warn.naInAlMgWtPct")) {
                    warnings.add(Message.of("warning.edgeCracking", "Na " + c.pct("Na") + " wt% is above " + p.get("warn.naInAlMgWtPct")
                            + " wt%: Al-Mg edge-cracks on hot rolling", "Na", c.pct("Na"), p.get("warn.naInAlMgWtPct")));
                }
                if (c.pct("Ca") > p.get("warn.caInAlMgWtPct")) {
                    warnings.add(Message.of("warning.edgeCracking", "Ca " + c.pct("Ca") + " wt% is above " + p.get("warn.caInAlMgWtPct")
                            + " wt%: Al-Mg edge-cracks on hot rolling", "Ca", c.pct("Ca"), p.get("warn.caInAlMgWtPct")));
                }
            }
            Double hold = cond.holdTempC();
            if (hold != null && hold < liquidusBand.high()) {
                warnings.add(Message.of("warning.holdBelowLiquidus", String.format(Locale.ROOT,
                        "Holding temperature %.0f °C is not above the liquidus %.0f ± %.0f °C: primary %s may not dissolve",
                        hold, liquidusC, liquidusBand.halfWidthAround(liquidusC), melting.liquidus().primaryPhase()),
                        hold, liquidusC, liquidusBand.halfWidthAround(liquidusC), melting.liquidus().primaryPhase()));
            }
        }

        AlloyProperties result() {
            ageingBands();
            return new AlloyProperties(density, liquidusC, liquidusBand.halfWidthAround(liquidusC), solidusC, eutecticC,
                    AL3SC.equals(melting.liquidus().primaryPhase()), scSolvusC, solubility, scIn, scAt, volume, radius, zrSolvusC, zrIn,
                    start.grainSizeM() * 1e6, yield, resistivity, conductivity, growthRestriction, warnings, models,
                    melting.liquidus().primaryPhase(), scheil == null ? null : scheil.solidusC(), cond.route(), cond.schedule(), bands,
                    notes, melting.liquidus().database());
        }

        /** A property of {@link PropertyValues#PROPERTIES} from the steps that made it (as {@link #result()} reports it). */
        double value(String key) {
            return switch (key) {
                case "yieldStrengthMPa" -> yield.valueMPa();
                case "liquidusC" -> liquidusC;
                case "solidusC" -> solidusC;
                case "conductivityPctIACS" -> conductivity;
                case "resistivityMicroOhmCm" -> resistivity;
                case "densityGPerCm3" -> density;
                case "scInSolutionWtPct" -> scIn;
                case "scInSolutionAtPct" -> scAt;
                case "zrInSolutionWtPct" -> zrIn;
                case "al3ScVolumePct" -> volume;
                case "grainSizeUm" -> start.grainSizeM() * 1e6;
                case "growthRestrictionQ" -> growthRestriction;
                default -> throw new IllegalArgumentException("no single estimate of " + key);
            };
        }

        /** What ageing leaves in solution and precipitated, and the bands of these, after {@link #ageing()}. */
        void ageingBands() {
            scIn = end.scInSolutionWtPct();
            zrIn = end.zrInSolutionWtPct();
            scAt = atPct(c, "Sc", scIn);
            inSolutionBands(scIn, zrIn, scAt);
            if (cond.aged()) {
                if (c.pct("Sc") > 0) {
                    solubility = thermo.solubilityWtPct("Sc", AL3SC, last(cond.schedule()).tempC());
                    double rel = bandRules.get("inSolution.equilibriumRelative") * 3;
                    bands.put("scSolubilityWtPctAtAgeTemp", Band.around(solubility, rel * solubility, rel * solubility));
                } else {
                    notes.put("scSolubilityWtPctAtAgeTemp", "the alloy has no Sc");
                }
            } else {
                notes.put("scSolubilityWtPctAtAgeTemp", "not aged");
            }
            volume = end.volumePct() + primaryAl3ScVolumePct();
            double vRel = bandRules.get("volume.relative");
            bands.put("al3ScVolumePct", Band.around(volume, vRel * volume, vRel * volume));
            if (cond.aged() && end.numberDensityPerM3() > 0 && end.radiusNm() > 0) {
                radius = end.radiusNm();
                double rRel = bandRules.get("radius.relative");
                bands.put("al3ScRadiusNm", Band.around(radius, rRel * radius, rRel * radius));
            } else {
                notes.put("al3ScRadiusNm", cond.aged() ? "nothing precipitated in the schedule" : "not aged");
            }
        }

        /** Bands of Sc and Zr in solution: by the route before ageing, a factor after it. */
        private void inSolutionBands(double scIn, double zrIn, double scAt) {
            if (cond.aged()) {
                double f = 2;
                bands.put("scInSolutionWtPct", new Band(scIn / f, scIn * f));
                bands.put("scInSolutionAtPct", new Band(scAt / f, scAt * f));
                bands.put("zrInSolutionWtPct", new Band(zrIn / f, zrIn * f));
                notes.putIfAbsent("scInSolutionWtPct", "after ageing: near the solubility of the data (within a factor 2)");
                return;
            }
            double tied = Math.min(states.scTiedUpBySiWtPct(c), c.pct("Sc"));
            Band sc;
            Band zr;
            switch (cond.route()) {
                case CAST: {
                    Invariant scEutectic = alScEutectic();
                    double scMax = Math.max(scIn, Math.min(c.pct("Sc") - tied, scEutectic.aluminiumWtPct() * bandRules.get("inSolution.castHighShare")));
                    double zrMax = Math.max(zrIn, Math.min(c.pct("Zr"), alZrPeritectic().aluminiumWtPct() * bandRules.get("inSolution.castHighShare")));
                    sc = new Band(scIn, scMax);
                    zr = new Band(zrIn, zrMax);
                    notes.put("scInSolutionWtPct", "CAST: Scheil-Gulliver is the least (Al) keeps; at most it keeps all (up to the (Al)"
                            + " solubility at the Al-Sc eutectic, Zr at the Al-Zr peritectic)");
                    break;
                }
                case RAPID: {
                    double share = bandRules.get("inSolution.rapidLowShare");
                    sc = new Band(scIn * share, Math.max(scIn, c.pct("Sc") - tied));
                    zr = new Band(zrIn * share, Math.max(zrIn, c.pct("Zr")));
                    notes.put("scInSolutionWtPct", "RAPID: what behaves as in solution for the strength model (the technique's limit, fitted);"
                            + " at most all of it");
                    break;
                }
                default: {
                    double rel = bandRules.get("inSolution.equilibriumRelative");
                    sc = Band.around(scIn, rel * scIn, rel * scIn);
                    zr = Band.around(zrIn, rel * zrIn, rel * zrIn);
                }
            }
            bands.put("scInSolutionWtPct", sc);
            bands.put("scInSolutionAtPct", new Band(atPct(c, "Sc", sc.low()), atPct(c, "Sc", sc.high())));
            bands.put("zrInSolutionWtPct", zr);
        }

        /** Volume % of the Al3Sc that solidification formed: the Sc out of solution and not tied up by Si, at 25 at% Sc. */
        private double primaryAl3ScVolumePct() {
            double tied = Math.min(states.scTiedUpBySiWtPct(c), c.pct("Sc"));
            double out = c.pct("Sc") - start.scInSolutionWtPct() - tied;
            if (out <= 0) {
                return 0;
            }
            double atomsInParticles = atPct(c, "Sc", out) / 100 / p.get("al3sc.scAtomFraction");
            double ratio = p.get("al3sc.molarVolumeRatio");
            return 100 * atomsInParticles * ratio / (atomsInParticles * ratio + 1 - atomsInParticles);
        }
    }

    private static AgeingStep last(AgeingSchedule s) {
        return s.steps().get(s.steps().size() - 1);
    }

    private volatile Invariant alScEutectic;
    private volatile Invariant alZrPeritectic;

    private Invariant alScEutectic() {
        if (alScEutectic == null) {
            alScEutectic = thermo.binaryInvariant("Sc", AL3SC);
        }
        return alScEutectic;
    }

    private Invariant alZrPeritectic() {
        if (alZrPeritectic == null) {
            alZrPeritectic = thermo.binaryInvariant("Zr", AL3ZR);
        }
        return alZrPeritectic;
    }

    /** at% of the alloy's atoms that {@code wtPct} of {@code element} of the alloy is. */
    private static double atPct(Composition c, String element, double wtPct) {
        Elements el = Elements.standard();
        double moles = 0;
        for (Map.Entry<String, Double> e : c.allWtPct().entrySet()) {
            moles += e.getValue() / el.atomicMass(e.getKey());
        }
        return 100 * (wtPct / el.atomicMass(element)) / moles;
    }

    /** Density at 20 °C, g/cm³, by the inverse rule of mixtures over the elements with a density. */
    static double density(Composition c, List<Message> warnings) {
        double inverse = 0;
        double counted = 0;
        for (Map.Entry<String, Double> e : c.allWtPct().entrySet()) {
            Element el = Elements.standard().get(e.getKey());
            if (el.density().isEmpty()) {
                if (e.getValue() > 0) {
                    warnings.add(Message.of("warning.noDensity", e.getKey() + " has no tabulated density; left out of the density estimate",
                            e.getKey()));
                }
                continue;
            }
            inverse += e.getValue() / el.densityGPerCm3();
            counted += e.getValue();
        }
        return counted / inverse;
    }

    /** The thermodynamic databases behind a result, each file with its title: "CALPHAD: file (title); …". */
    private static Message calphad(DatabaseUse database) {
        return Message.of("model.calphad.source", "CALPHAD: " + String.join("; ", database.files()), database.citations());
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * share);
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
