package ca.scalloy.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.Message;
import ca.scalloy.engine.charge.ChargeCalculator;
import ca.scalloy.engine.charge.ChargeResult;
import ca.scalloy.engine.charge.ElementTarget;
import ca.scalloy.engine.charge.Recipe;
import ca.scalloy.engine.kinetics.AgeingSchedule;
import ca.scalloy.engine.props.Ageing;
import ca.scalloy.engine.props.AlloyProperties;
import ca.scalloy.engine.props.Band;
import ca.scalloy.engine.props.ModelNote;
import ca.scalloy.engine.props.PropertyCalculator;
import ca.scalloy.engine.props.PropertyConditions;
import ca.scalloy.engine.props.StrengthContribution;
import ca.scalloy.engine.thermo.ProcessRoute;
import ca.scalloy.io.PropertiesJson;
import ca.scalloy.solver.OjalgoSolver;

/**
 * {@code scalloy properties (--composition "Sc=0.3,Mg=4.5" | FILE) [--process CAST|RAPID|EQUILIBRIUM]
 * [--age-temp-c T --age-hours H | --schedule "300:24,400:12"] [--grain-um D] [--hold-temp-c T] [--json]}:
 * every property estimate of an alloy, with its band, model and validity.
 */
@Command(name = "properties", mixinStandardHelpOptions = true,
        description = "Estimate density, liquidus, Sc partition, strength and conductivity of an alloy.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "2:invalid input", "3:the recipe's target is infeasible (no product to estimate)"})
final class PropertiesCommand extends JsonCapableCommand {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--composition", paramLabel = "EL=WT%,...", description = "Composition in wt%%, balance Al, e.g. \"Sc=0.3,Mg=4.5,Zr=0.1\".")
        String composition;

        @Parameters(index = "0", paramLabel = "FILE", description = "A recipe file: the product of its charge (or its aims with --aims).")
        Path file;
    }

    @ArgGroup(exclusive = false, multiplicity = "0..1")
    AgeingOptions ageing;

    static final class AgeingOptions {
        @Option(names = "--age-temp-c", required = true, paramLabel = "T", description = "Ageing temperature, °C.")
        double tempC;

        @Option(names = "--age-hours", required = true, paramLabel = "H", description = "Ageing time, hours.")
        double hours;
    }

    @Option(names = "--aims", description = "With FILE: use the recipe's aims (or mid-range) instead of its computed product.")
    boolean aims;

    @Option(names = "--hold-temp-c", paramLabel = "T", description = "Planned melt holding temperature, °C, checked against the liquidus.")
    Double holdTempC;

    @Option(names = "--process", paramLabel = "CAST|RAPID|EQUILIBRIUM", defaultValue = "CAST",
            description = "How the metal was made: CAST (conventional casting, Scheil-Gulliver), RAPID (laser powder-bed fusion) or"
                    + " EQUILIBRIUM (solidified or solution treated in equilibrium). Default CAST.")
    String process;

    @Option(names = "--schedule", paramLabel = "C:H,...",
            description = "Ageing steps of temperature (°C) and time (h), in order, e.g. \"300:24,400:12\" (instead of --age-temp-c/--age-hours).")
    String schedule;

    @Option(names = "--grain-um", paramLabel = "D", description = "The product's grain size when known, µm (default: the route's grain).")
    Double grainUm;

    /** The solved charge when the composition is a recipe's product (for cost and CO2 per kg), else null. */
    private ChargeResult charge;

    @Override
    public Integer call() {
        PrintWriter out = out();
        PrintWriter err = err();
        Composition composition;
        Ageing age;
        PropertyConditions conditions;
        try {
            age = ageing == null ? Ageing.asCast() : Ageing.aged(ageing.tempC, ageing.hours);
            if (holdTempC != null && (!Double.isFinite(holdTempC) || holdTempC < 600 || holdTempC > 1300)) {
                throw new IllegalArgumentException("--hold-temp-c must be from 600 to 1300 °C, was " + holdTempC);
            }
            if (schedule != null && ageing != null) {
                throw new IllegalArgumentException("--schedule and --age-temp-c/--age-hours both given; use one of them");
            }
            conditions = PropertyConditions.of(age).withRoute(ProcessRoute.parse(process)).withHoldTempC(holdTempC);
            if (schedule != null) {
                conditions = conditions.withSchedule(AgeingSchedule.parse(schedule));
            }
            if (grainUm != null) {
                if (!Double.isFinite(grainUm) || grainUm < 0.1 || grainUm > 10_000) {
                    throw new IllegalArgumentException("--grain-um must be from 0.1 to 10000 µm, was " + grainUm);
                }
                conditions = conditions.withGrainSizeUm(grainUm);
            }
            if (source.composition != null) {
                composition = new Composition(CompositionText.parse(source.composition), "Al");
            } else {
                Optional<Recipe> recipe = RecipeInput.read(source.file, err);
                if (recipe.isEmpty()) {
                    return ScalloyCli.INVALID_INPUT;
                }
                Optional<Composition> c = fromRecipe(recipe.get(), err);
                if (c.isEmpty()) {
                    return ScalloyCli.INFEASIBLE;
                }
                composition = c.get();
            }
        } catch (IllegalArgumentException e) {
            err.println("scalloy: " + e.getMessage().replace("ageTempC", "--age-temp-c").replace("ageHours", "--age-hours")
                    .replaceFirst("^schedule:", "--schedule:").replaceFirst("^process:", "--process:"));
            return ScalloyCli.INVALID_INPUT;
        }
        AlloyProperties p;
        try {
            p = new PropertyCalculator().compute(composition, conditions);
        } catch (IllegalArgumentException e) {
            err.println("scalloy: --composition: " + e.getMessage());
            return ScalloyCli.INVALID_INPUT;
        }
        if (json) {
            out.println(PropertiesJson.toJson(composition, p, charge));
        } else {
            print(out, composition, p, charge);
        }
        return ScalloyCli.OK;
    }

    private Optional<Composition> fromRecipe(Recipe recipe, PrintWriter err) {
        if (aims) {
            Map<String, Double> pct = new LinkedHashMap<>();
            for (ElementTarget t : recipe.targets()) {
                Double v = aimOrMidRange(t);
                if (v != null && !t.element().equals(recipe.balanceElement())) {
                    pct.put(t.element(), v);
                }
            }
            return Optional.of(new Composition(pct, recipe.balanceElement()));
        }
        ChargeResult r = new ChargeCalculator(new OjalgoSolver()).solve(recipe);
        if (!r.solved()) {
            err.println("scalloy: " + source.file + ": the target is infeasible, so there is no product to estimate "
                    + "(use --aims, or see 'scalloy batch'): " + r.diagnosis().get(0).message());
            return Optional.empty();
        }
        charge = r;
        return Optional.of(r.productComposition(recipe.balanceElement()));
    }

    /** The aim, else the middle of min and max, else the min; null for a max-only limit (an impurity). */
    private static Double aimOrMidRange(ElementTarget t) {
        if (t.aimPct() != null) {
            return t.aimPct();
        }
        if (t.minPct() != null && t.maxPct() != null) {
            return (t.minPct() + t.maxPct()) / 2;
        }
        return t.minPct();
    }

    private static void print(PrintWriter out, Composition c, AlloyProperties p, ChargeResult charge) {
        Locale loc = Locale.ROOT;
        out.println("Composition (wt%): " + c.allWtPct());
        out.println("Process: " + p.process() + "; state: " + (p.schedule() == null ? "not aged" : "aged " + p.schedule() + " (°C:h)"));
        out.printf(loc, "Density            %8.4f g/cm³ %s%n", p.densityGPerCm3(), band(p, "densityGPerCm3", 4));
        out.printf(loc, "Liquidus           %8.1f °C    %s primary %s%n", p.liquidusC(), band(p, "liquidusC", 0), p.liquidusPrimaryPhase());
        out.printf(loc, "Solidus            %8.1f °C    %s%s%n", p.solidusC(), band(p, "solidusC", 0),
                p.scheilSolidusC() == null ? "" : String.format(loc, "  (Scheil-Gulliver ends at %.1f °C)", p.scheilSolidusC()));
        solvus(out, "Sc solvus", p.scSolvusC(), p, "scSolvusC");
        solvus(out, "Zr solvus", p.zrSolvusC(), p, "zrSolvusC");
        if (p.scSolubilityWtPctAtAgeTemp() != null) {
            out.printf(loc, "Sc soluble at age  %8.5f wt%%%n", p.scSolubilityWtPctAtAgeTemp());
        }
        out.printf(loc, "Sc in solution     %8.5f wt%% %s (%.5f at%%)%n", p.scInSolutionWtPct(), band(p, "scInSolutionWtPct", 4),
                p.scInSolutionAtPct());
        out.printf(loc, "Zr in solution     %8.5f wt%% %s%n", p.zrInSolutionWtPct(), band(p, "zrInSolutionWtPct", 4));
        out.printf(loc, "Al3Sc              %8.4f vol%%%s%n", p.al3ScVolumePct(),
                p.al3ScRadiusNm() == null ? "" : String.format(loc, ", mean radius %.2f nm", p.al3ScRadiusNm()));
        out.printf(loc, "Yield strength     %8.0f MPa  %s%n", p.yieldStrength().valueMPa(), band(p, "yieldStrengthMPa", 0));
        for (StrengthContribution s : p.yieldStrength().contributions()) {
            out.printf(loc, "    %-44s %6.1f MPa%n", s.name(), s.valueMPa());
        }
        out.printf(loc, "Resistivity        %8.3f µΩ·cm   conductivity %.1f %%IACS %s%n", p.resistivityMicroOhmCm(), p.conductivityPctIACS(),
                band(p, "conductivityPctIACS", 1));
        out.printf(loc, "Growth restriction %8.2f K %s%n", p.growthRestrictionQ(), band(p, "growthRestrictionQ", 1));
        if (charge != null) {
            out.printf(loc, "Cost of the charge %8.4f per kg    CO2 %.4f kg per kg%n", charge.costPerKgProduct(), charge.co2PerKgProduct());
        }
        printList(out, "Warnings:", Message.english(p.warnings()));
        out.println();
        out.println("Models:");
        for (ModelNote m : p.models()) {
            out.println("  " + m.property() + ": " + m.model().english() + " [" + m.tag() + "]; " + m.source().english() + "; valid: "
                    + m.validity().english());
        }
        out.println("Data: " + String.join("; ", p.database().files()));
    }

    private static void solvus(PrintWriter out, String label, Double value, AlloyProperties p, String key) {
        if (value != null) {
            out.printf(Locale.ROOT, "%-18s %8.1f °C    %s%n", label, value, band(p, key, 0));
        } else if (p.notes().containsKey(key)) {
            out.printf(Locale.ROOT, "%-18s     none: %s%n", label, p.notes().get(key));
        }
    }

    private static String band(AlloyProperties p, String key, int decimals) {
        Band b = p.band(key);
        return b == null ? "" : String.format(Locale.ROOT, "[%." + decimals + "f, %." + decimals + "f]", b.low(), b.high());
    }

    private static void printList(PrintWriter out, String heading, List<String> items) {
        if (!items.isEmpty()) {
            out.println();
            out.println(heading);
            items.forEach(i -> out.println("  - " + i));
        }
    }
}
