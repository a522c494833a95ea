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
import ca.scalloy.engine.charge.ChargeCalculator;
import ca.scalloy.engine.charge.ChargeResult;
import ca.scalloy.engine.charge.ElementTarget;
import ca.scalloy.engine.charge.Recipe;
import ca.scalloy.engine.props.Ageing;
import ca.scalloy.engine.props.AlloyProperties;
import ca.scalloy.engine.props.ModelNote;
import ca.scalloy.engine.props.PropertyCalculator;
import ca.scalloy.engine.props.StrengthContribution;
import ca.scalloy.io.PropertiesJson;
import ca.scalloy.solver.OjalgoSolver;

/**
 * {@code scalloy properties (--composition "Sc=0.3,Mg=4.5" | FILE) [--age-temp-c T --age-hours H] [--json]}:
 * every property estimate of an alloy, with its model and validity.
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

    /** The solved charge when the composition is a recipe's product (for cost and CO2 per kg), else null. */
    private ChargeResult charge;

    @Override
    public Integer call() {
        PrintWriter out = out();
        PrintWriter err = err();
        Composition composition;
        Ageing age;
        try {
            age = ageing == null ? Ageing.asCast() : Ageing.aged(ageing.tempC, ageing.hours);
            if (holdTempC != null && (!Double.isFinite(holdTempC) || holdTempC < 600 || holdTempC > 1300)) {
                throw new IllegalArgumentException("--hold-temp-c must be from 600 to 1300 °C, was " + holdTempC);
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
            err.println("scalloy: " + e.getMessage().replace("ageTempC", "--age-temp-c").replace("ageHours", "--age-hours"));
            return ScalloyCli.INVALID_INPUT;
        }
        AlloyProperties p = new PropertyCalculator().compute(composition, age, holdTempC);
        if (json) {
            out.println(PropertiesJson.toJson(composition, age, p, charge));
        } else {
            print(out, composition, age, p, charge);
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

    private static void print(PrintWriter out, Composition c, Ageing age, AlloyProperties p, ChargeResult charge) {
        Locale loc = Locale.ROOT;
        out.println("Composition (wt%): " + c.allWtPct());
        out.println("State: " + (age.isAged() ? "aged " + age.tempC() + " °C for " + age.hours() + " h" : "as cast"));
        out.printf(loc, "Density            %8.4f g/cm³%n", p.densityGPerCm3());
        out.printf(loc, "Liquidus           %8.1f ± %.0f °C%s%n", p.liquidusC(), p.liquidusUncertaintyC(),
                p.hypereutectic() ? "  (hypereutectic: primary Al3Sc)" : "");
        out.printf(loc, "Solidus            %8.1f °C    eutectic %.1f °C%n", p.solidusC(), p.eutecticC());
        if (p.scSolvusC() != null) {
            out.printf(loc, "Sc solvus          %8.1f °C (all Sc dissolved above)%n", p.scSolvusC());
        }
        if (p.scSolubilityWtPctAtAgeTemp() != null) {
            out.printf(loc, "Sc soluble at age  %8.5f wt%%%n", p.scSolubilityWtPctAtAgeTemp());
        }
        out.printf(loc, "Sc in solution     %8.5f wt%% (%.5f at%%)%n", p.scInSolutionWtPct(), p.scInSolutionAtPct());
        out.printf(loc, "Al3Sc              %8.4f vol%%%s%n", p.al3ScVolumePct(),
                p.al3ScRadiusNm() == null ? "" : String.format(loc, ", mean radius %.2f nm", p.al3ScRadiusNm()));
        out.printf(loc, "Yield strength     %8.0f MPa (%.0f-%.0f)%n", p.yieldStrength().valueMPa(), p.yieldStrength().lowMPa(),
                p.yieldStrength().highMPa());
        for (StrengthContribution s : p.yieldStrength().contributions()) {
            out.printf(loc, "    %-44s %6.1f MPa%n", s.name(), s.valueMPa());
        }
        out.printf(loc, "Resistivity        %8.3f µΩ·cm   conductivity %.1f %%IACS%n", p.resistivityMicroOhmCm(), p.conductivityPctIACS());
        out.printf(loc, "Growth restriction %8.2f K%n", p.growthRestrictionQ());
        if (charge != null) {
            out.printf(loc, "Cost of the charge %8.4f per kg    CO2 %.4f kg per kg%n", charge.costPerKgProduct(), charge.co2PerKgProduct());
        }
        printList(out, "Warnings:", p.warnings());
        out.println();
        out.println("Models:");
        for (ModelNote m : p.models()) {
            out.println("  " + m.property() + ": " + m.model() + " [" + m.tag() + "]; " + m.source() + "; valid: " + m.validity());
        }
    }

    private static void printList(PrintWriter out, String heading, List<String> items) {
        if (!items.isEmpty()) {
            out.println();
            out.println(heading);
            items.forEach(i -> out.println("  - " + i));
        }
    }
}
