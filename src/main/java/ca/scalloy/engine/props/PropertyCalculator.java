package ca.scalloy.engine.props;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.DataTables;
import ca.scalloy.engine.Element;
import ca.scalloy.engine.Elements;
import ca.scalloy.engine.phase.MeltModel;
import ca.scalloy.engine.phase.SolvusModel;

/**
 * Estimates the properties of an Al-Sc based alloy before it is melted: density, liquidus and
 * solidus, Sc and Zr partition between (Al) and Al3X, Al3Sc size after ageing, yield strength,
 * resistivity and conductivity, growth restriction; with warnings and the model behind each.
 * Immutable and thread-safe.
 */
public final class PropertyCalculator {

    private static final Map<String, double[]> RESISTIVITY = loadResistivity();
    private static final String ESTIMATE = "est";

    private final ModelParameters p;
    private final Precipitation precipitation;

    public PropertyCalculator() {
        this(ModelParameters.standard());
    }

    public PropertyCalculator(ModelParameters parameters) {
        this.p = Objects.requireNonNull(parameters, "parameters");
        this.precipitation = new Precipitation(parameters);
    }

    /**
     * Every property of {@code c} in the thermal state {@code ageing}.
     *
     * @param c          the alloy, balance Al
     * @param ageing     as cast, or aged at a temperature for a time
     * @param holdTempC  the planned melt holding temperature (°C) to check against the liquidus, or null
     * @throws IllegalArgumentException when the balance element is not Al
     */
    public AlloyProperties compute(Composition c, Ageing ageing, Double holdTempC) {
        if (!c.balanceElement().equals("Al")) {
            throw new IllegalArgumentException("balanceElement: the property models are for aluminium alloys, not " + c.balanceElement());
        }
        List<String> warnings = new ArrayList<>();
        List<ModelNote> notes = new ArrayList<>();
        double density = density(c, warnings);
        notes.add(new ModelNote("density", "inverse rule of mixtures 1/ρ = Σ wᵢ/ρᵢ", "element densities (handbook)",
                "dilute to moderately alloyed Al; about 0.5-1 % low for Al-Mg", ESTIMATE));

        MeltModel.Liquidus liq = MeltModel.liquidus(c);
        warnings.addAll(liq.warnings());
        double solidus = MeltModel.solidusC(c, p.get("sc.maxSolidSolubilityWtPct"));
        notes.add(new ModelNote("liquidus", "binary Al-Sc liquidus table + Σ mᵢ·cᵢ of other solutes",
                "dilute regular liquid fitted to the ASM eutectic (al-sc-data §3.2); slopes: grain-refinement data",
                "Sc ≤ 7.44 wt%, dilute other solutes", "calc"));
        notes.add(new ModelNote("solidus", "binary (Al) solidus to the eutectic + Σ (mᵢ/kᵢ)·cᵢ for solutes with k > 0.1",
                "dilute-solution theory with the same slopes", "dilute alloys; ignores non-equilibrium eutectics", ESTIMATE));

        double sc = c.pct("Sc");
        double zr = c.pct("Zr");
        Map<String, Double> at = c.allAtPct();
        SolvusModel scModel = SolvusModel.of("Sc");
        Double scSolvusC = sc > 0 ? scModel.fullDissolutionTempC(sc) : null;
        Double zrSolvusC = zr > 0 ? SolvusModel.of("Zr").fullDissolutionTempC(zr) : null;
        notes.add(new ModelNote("Sc solvus", "fcc (Al) / Al3Sc equilibrium, regular solution, solved numerically",
                scModel.source(), "binary Al-Sc, " + scModel.validMinC() + "-" + scModel.validMaxC() + " °C", "src"));
        SolvusModel zrModel = SolvusModel.of("Zr");
        notes.add(new ModelNote("Zr solvus", "fcc (Al) / Al3Zr equilibrium, regular solution, solved numerically",
                zrModel.source(), "binary Al-Zr, " + zrModel.validMinC() + "-" + zrModel.validMaxC() + " °C", "src"));
        if (scSolvusC != null && scSolvusC > MeltModel.EUTECTIC_C) {
            warnings.add(String.format(Locale.ROOT,
                    "Sc %.4f wt%% exceeds what solid (Al) can hold (solvus %.0f °C is above the eutectic %.0f °C): "
                            + "the rest stays as Al3Sc until the melt is above the liquidus", sc, scSolvusC, MeltModel.EUTECTIC_C));
        }
        if (c.pct("Mg") > 0.5 && sc > 0) {
            warnings.add("The Sc solvus is that of binary Al-Sc; Mg raises Sc solubility, so more Sc may stay in solution");
        }

        // Sc partition. Casting: Sc beyond what (Al) holds at the eutectic forms coarse primary Al3Sc,
        // which refines the grain but does not harden. Ageing: only the Sc kept in solution by the
        // casting can precipitate as fine Al3Sc, down to the solubility at the ageing temperature.
        double scTotal = at.getOrDefault("Sc", 0.0) / 100;
        Precipitation.Split cast = precipitation.split(scTotal, moleFractionOfWtPct("Sc", p.get("sc.maxSolidSolubilityWtPct")));
        double supersaturated = scTotal * cast.scInSolutionShare();
        double solubility = 0;
        Double solubilityWtAtAge = null;
        double inSolutionShare = cast.scInSolutionShare();
        double secondaryVolume = 0;
        if (ageing.isAged()) {
            solubility = scModel.solubilityMoleFraction(ageing.tempC());
            solubilityWtAtAge = scModel.solubilityWtPct(ageing.tempC());
            if (!scModel.valid(ageing.tempC())) {
                warnings.add("Ageing at " + ageing.tempC() + " °C is outside the solvus model's range (" + scModel.validMinC()
                        + "-" + scModel.validMaxC() + " °C)");
            }
            Precipitation.Split aged = precipitation.split(supersaturated, solubility);
            secondaryVolume = aged.al3ScVolumeFraction();
            inSolutionShare = scTotal > 0 ? supersaturated * aged.scInSolutionShare() / scTotal : 1;
            if (sc > 0 && aged.scInSolutionShare() > p.get("warn.scInSolutionShare")) {
                warnings.add(String.format(Locale.ROOT,
                        "At %.0f °C, %.0f %% of the Sc stays in solution (solubility %.4f wt%%): it cannot precipitate; age lower",
                        ageing.tempC(), 100 * aged.scInSolutionShare(), solubilityWtAtAge));
            }
        }
        if (cast.al3ScVolumeFraction() > 0) {
            warnings.add(String.format(Locale.ROOT, "%.3f wt%% of the Sc forms coarse primary Al3Sc on casting: it refines the grain"
                    + " but does not harden on ageing (conventional casting; rapid solidification keeps more Sc in solution)",
                    sc * (1 - cast.scInSolutionShare())));
        }
        double scInSolutionWt = sc * inSolutionShare;
        double scInSolutionAt = 100 * scTotal * inSolutionShare;
        double al3ScVolume = cast.al3ScVolumeFraction() + secondaryVolume;
        Double radiusNm = null;
        double radiusM = 0;
        if (secondaryVolume > 0) {
            radiusM = precipitation.radiusM(ageing.tempC(), ageing.hours(), solubility);
            radiusNm = radiusM * 1e9;
        }
        notes.add(new ModelNote("Al3Sc", "primary Al3Sc beyond the eutectic solubility on casting; lever rule (Al)/Al3Sc at the"
                + " ageing temperature for the Sc kept in solution; LSW coarsening r³ − r0³ = K·t",
                "solvus above; Sc diffusion D0 5.3e-4 m²/s, Q 173 kJ/mol", "ageing 250-450 °C; equilibrium partition assumed",
                ESTIMATE));

        // Zr: precipitates only where it can diffuse far enough during ageing
        double zrInSolution = zr;
        if (ageing.isAged() && zr > 0) {
            double dist = Math.sqrt(precipitation.diffusivity("Zr", ageing.tempC()) * ageing.hours() * 3600);
            if (dist > p.get("zr.precipitationDistanceM")) {
                zrInSolution = Math.min(zr, SolvusModel.of("Zr").solubilityWtPct(ageing.tempC()));
            }
        }

        // Yield strength
        List<StrengthContribution> parts = new ArrayList<>();
        double base = p.get("strength.base");
        double baseBand = p.get("strength.baseBand");
        parts.add(new StrengthContribution("base (pure Al)", base, base - baseBand, base + baseBand));
        for (String el : List.of("Mg", "Mn")) {
            double w = c.pct(el);
            if (w > 0) {
                double k = p.get("strength.ss." + el);
                double band = p.get("strength.ssBand." + el);
                parts.add(new StrengthContribution("solid solution " + el, k * w, (k - band) * w, (k + band) * w));
            }
        }
        if (secondaryVolume > 0 && radiusM > 0) {
            double[] inc = precipitation.incrementMPa(secondaryVolume, radiusM);
            double rel = p.get("strength.precipitationBand");
            String mech = inc[1] <= inc[2] ? "shearing" : "Orowan looping";
            parts.add(new StrengthContribution("Al3Sc precipitation (" + mech + ")", inc[0], inc[0] * (1 - rel), inc[0] * (1 + rel)));
        }
        boolean refined = liq.hypereutectic() || (sc >= p.get("grain.scZrSc") && zr >= p.get("grain.scZrZr"));
        double grainM = refined ? p.get("grain.refinedM") : p.get("grain.coarseM");
        double kHp = hallPetchK(c.pct("Mg"));
        double kBand = p.get("hallPetch.kBand");
        double sqrtD = Math.sqrt(grainM);
        parts.add(new StrengthContribution("grain size (Hall-Petch, " + Math.round(grainM * 1e6) + " µm)", kHp / sqrtD,
                Math.max(0, kHp - kBand) / sqrtD, (kHp + kBand) / sqrtD));
        YieldStrength ys = YieldStrength.of(parts);
        notes.add(new ModelNote("yield strength", "linear sum: base + solid solution + Al3Sc (min of shearing, Orowan) + Hall-Petch",
                "Seidman, Marquis & Dunand 2002; Fuller et al. 2005; handbook coefficients",
                "Al-Mg-Sc(-Zr) sheet or casting, Sc ≤ 0.5 wt% in solution; ±band shown", ESTIMATE));

        // Resistivity: solutes in solution count fully, those in particles a tenth
        double rho = p.get("resistivity.base");
        double particle = p.get("resistivity.particleShare");
        for (Map.Entry<String, Double> e : c.wtPct().entrySet()) {
            double[] data = RESISTIVITY.get(e.getKey());
            if (data == null) {
                continue;
            }
            double inSolution = switch (e.getKey()) {
                case "Sc" -> scInSolutionWt;
                case "Zr" -> zrInSolution;
                default -> Double.isNaN(data[1]) ? e.getValue() : Math.min(e.getValue(), data[1]);
            };
            double out = e.getValue() - inSolution;
            rho += data[0] * (inSolution + particle * out);
        }
        notes.add(new ModelNote("resistivity", "Matthiessen's rule, 20 °C; particles at a tenth of the solute increment",
                "Al handbook increments; Sc: Fujikawa 1979", "dilute alloys at room temperature", ESTIMATE));

        // Warnings a metallurgist wants
        if (c.pct("Si") > p.get("warn.siTiesScWtPct") && sc > 0) {
            warnings.add("Si " + c.pct("Si") + " wt% is above " + p.get("warn.siTiesScWtPct")
                    + " wt%: it ties Sc up as (Al,Si)-Sc phases and removes its hardening");
        }
        if (c.pct("Mg") > p.get("warn.alMgMgWtPct")) {
            if (c.pct("Na") > p.get("warn.naInAlMgWtPct")) {
                warnings.add("Na " + c.pct("Na") + " wt% is above " + p.get("warn.naInAlMgWtPct") + " wt%: Al-Mg edge-cracks on hot rolling");
            }
            if (c.pct("Ca") > p.get("warn.caInAlMgWtPct")) {
                warnings.add("Ca " + c.pct("Ca") + " wt% is above " + p.get("warn.caInAlMgWtPct") + " wt%: Al-Mg edge-cracks on hot rolling");
            }
        }
        if (holdTempC != null && holdTempC < liq.valueC() + liq.uncertaintyC()) {
            warnings.add(String.format(Locale.ROOT,
                    "Holding temperature %.0f °C is not above the liquidus %.0f ± %.0f °C: Al3Sc may not dissolve",
                    holdTempC, liq.valueC(), liq.uncertaintyC()));
        }
        notes.add(new ModelNote("growth restriction", "Q = Σ mᵢ·c0ᵢ·(kᵢ − 1)",
                "liquidus slopes and partition coefficients: grain-refinement data (al-sc-data §3.2)",
                "dilute solutes in Al; solutes without data are left out", ESTIMATE));
        return new AlloyProperties(density, liq.valueC(), liq.uncertaintyC(), solidus, MeltModel.EUTECTIC_C, liq.hypereutectic(),
                scSolvusC, solubilityWtAtAge, scInSolutionWt, scInSolutionAt, 100 * al3ScVolume, radiusNm,
                zrSolvusC, zrInSolution, grainM * 1e6, ys, rho, p.get("iacs.reference") / rho,
                MeltModel.growthRestrictionQ(c), warnings, notes);
    }

    /** Density at 20 °C, g/cm³, by the inverse rule of mixtures over the elements with a density. */
    static double density(Composition c, List<String> warnings) {
        double inverse = 0;
        double counted = 0;
        for (Map.Entry<String, Double> e : c.allWtPct().entrySet()) {
            Element el = Elements.standard().get(e.getKey());
            if (el.density().isEmpty()) {
                if (e.getValue() > 0) {
                    warnings.add(e.getKey() + " has no tabulated density; left out of the density estimate");
                }
                continue;
            }
            inverse += e.getValue() / el.densityGPerCm3();
            counted += e.getValue();
        }
        return counted / inverse;
    }

    /** Hall-Petch k, MPa·m^½: pure Al's, rising linearly with Mg to the Al-Mg value. */
    private double hallPetchK(double mgWtPct) {
        double share = Math.min(1, mgWtPct / p.get("hallPetch.mgForFullK"));
        return p.get("hallPetch.kPureAl") + share * (p.get("hallPetch.kAlMg") - p.get("hallPetch.kPureAl"));
    }

    private static double moleFractionOfWtPct(String solute, double wtPct) {
        double mX = Elements.standard().atomicMass(solute);
        double mAl = Elements.standard().atomicMass("Al");
        double nX = wtPct / mX;
        return nX / (nX + (100 - wtPct) / mAl);
    }

    private static Map<String, double[]> loadResistivity() {
        Map<String, double[]> map = new LinkedHashMap<>();
        for (String[] f : DataTables.rows("solutes-resistivity.csv")) {
            map.put(f[0], new double[] {Double.parseDouble(f[1]), f[2].isBlank() ? Double.NaN : Double.parseDouble(f[2])});
        }
        return map;
    }
}
