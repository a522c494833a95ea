package ca.scalloy.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.charge.ChargeCalculator;
import ca.scalloy.engine.charge.ChargeResult;
import ca.scalloy.engine.charge.Recipe;
import ca.scalloy.engine.library.RecipeVersion;
import ca.scalloy.engine.props.Ageing;
import ca.scalloy.engine.props.AlloyProperties;
import ca.scalloy.engine.props.PropertyCalculator;
import ca.scalloy.engine.spec.ComplianceChecker;
import ca.scalloy.engine.spec.ComplianceReport;
import ca.scalloy.engine.spec.ElementCheck;
import ca.scalloy.engine.spec.MakeItComply;
import ca.scalloy.engine.spec.PropertyCheck;
import ca.scalloy.engine.spec.Specification;
import ca.scalloy.io.LibraryJson;
import ca.scalloy.solver.OjalgoSolver;
import ca.scalloy.store.Database;

/**
 * {@code scalloy compliance FILE [--spec NAME|--sector S|--all] [--make-comply] [--json]}: the product of
 * a recipe's charge against stored specifications (the sector matrix with {@code --all}).
 */
@Command(name = "compliance", mixinStandardHelpOptions = true,
        description = "Check the product of a recipe's charge against specifications: per element PASS, MARGINAL or FAIL with its margin.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:report printed (whatever the verdicts)", "2:invalid input or unusable database",
            "3:the recipe's target is infeasible (no product to check)"})
final class ComplianceCommand extends StoreCommand {

    @Parameters(index = "0", paramLabel = "FILE", description = "A recipe file, or the name of a stored recipe.")
    String recipe;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Which which;

    static final class Which {
        @Option(names = "--spec", paramLabel = "NAME", description = "One specification.")
        String spec;

        @Option(names = "--sector", paramLabel = "SECTOR", description = "Every specification of a sector.")
        String sector;

        @Option(names = "--all", description = "Every specification (the default): the sector matrix.")
        boolean all;
    }

    @Option(names = "--make-comply", description = "With --spec: re-solve the charge with the specification's limits added, and show the cost difference.")
    boolean makeComply;

    @Option(names = "--age-temp-c", paramLabel = "T", description = "Ageing temperature for the property estimates, °C (with --age-hours).")
    Double ageTempC;

    @Option(names = "--age-hours", paramLabel = "H", description = "Ageing time for the property estimates, hours.")
    Double ageHours;

    @Override
    int run(Database database) {
        PrintWriter err = err();
        Optional<Recipe> r = recipe(database, err);
        if (r.isEmpty()) {
            return ScalloyCli.INVALID_INPUT;
        }
        List<Specification> specs;
        if (which != null && which.spec != null) {
            Optional<Specification> s = database.specifications().find(which.spec);
            if (s.isEmpty()) {
                err.println("scalloy: --spec: no specification named \"" + which.spec + "\" (see 'scalloy specs list')");
                return ScalloyCli.INVALID_INPUT;
            }
            specs = List.of(s.get());
        } else if (which != null && which.sector != null) {
            specs = database.specifications().list(which.sector.toUpperCase(Locale.ROOT));
            if (specs.isEmpty()) {
                err.println("scalloy: --sector: no specification in sector \"" + which.sector + "\"");
                return ScalloyCli.INVALID_INPUT;
            }
        } else {
            specs = database.specifications().list();
        }
        if (makeComply && specs.size() != 1) {
            err.println("scalloy: --make-comply needs one specification: give --spec NAME");
            return ScalloyCli.INVALID_INPUT;
        }
        Ageing ageing;
        try {
            ageing = ageTempC == null && ageHours == null ? Ageing.asCast()
                    : Ageing.aged(ageTempC == null ? Double.NaN : ageTempC, ageHours == null ? Double.NaN : ageHours);
        } catch (IllegalArgumentException e) {
            err.println("scalloy: " + e.getMessage().replace("ageTempC", "--age-temp-c").replace("ageHours", "--age-hours"));
            return ScalloyCli.INVALID_INPUT;
        }
        ChargeCalculator calculator = new ChargeCalculator(new OjalgoSolver());
        if (makeComply) {
            return makeItComply(calculator, r.get(), specs.get(0));
        }
        ChargeResult charge = calculator.solve(r.get());
        if (!charge.solved()) {
            err.println("scalloy: " + recipe + ": the target is infeasible, so there is no product to check (see 'scalloy batch'): "
                    + charge.diagnosis().get(0).message());
            return ScalloyCli.INFEASIBLE;
        }
        Composition product = charge.productComposition(r.get().balanceElement());
        AlloyProperties estimates = new PropertyCalculator().compute(product, ageing, null);
        List<ComplianceReport> reports = new ComplianceChecker().checkAll(product, specs, estimates);
        if (json) {
            out().print(LibraryJson.compliance(reports));
        } else {
            print(out(), r.get(), product, reports);
        }
        return ScalloyCli.OK;
    }

    private Optional<Recipe> recipe(Database database, PrintWriter err) {
        Path file = Path.of(recipe);
        if (Files.exists(file)) {
            return RecipeInput.read(file, err);
        }
        Optional<RecipeVersion> stored = database.recipes().latest(recipe);
        if (stored.isEmpty()) {
            err.println("scalloy: " + recipe + ": no such file or stored recipe");
            return Optional.empty();
        }
        return Optional.of(stored.get().recipe());
    }

    private int makeItComply(ChargeCalculator calculator, Recipe r, Specification spec) {
        MakeItComply.Outcome o;
        try {
            o = new MakeItComply(calculator, new ComplianceChecker()).run(r, spec);
        } catch (IllegalArgumentException e) {
            err().println("scalloy: " + recipe + " cannot meet " + spec.name() + ": " + e.getMessage());
            return ScalloyCli.INFEASIBLE;
        }
        if (json) {
            out().print(LibraryJson.makeItComply(o, spec));
        } else {
            PrintWriter out = out();
            out.println(r.name() + " made to comply with " + spec.name());
            out.printf(Locale.ROOT, "cost before: %.2f (%s)%n", o.before().costTotal(), o.before().status());
            out.printf(Locale.ROOT, "cost after:  %.2f (%s)%n", o.after().costTotal(), o.after().status());
            if (o.costDifference() != null) {
                out.printf(Locale.ROOT, "difference:  %+.2f%n", o.costDifference());
            }
            if (o.after().solved()) {
                o.after().charge().forEach(l -> out.printf(Locale.ROOT, "  %-14s %12.4f kg%n", l.materialId(), l.massKg()));
                out.println("verdict: " + o.reportAfter().verdict());
            } else {
                o.after().diagnosis().forEach(d -> out.println("  - " + d.message()));
            }
            o.notes().forEach(n -> out.println("note: " + n));
        }
        return o.after().solved() ? ScalloyCli.OK : ScalloyCli.INFEASIBLE;
    }

    private static void print(PrintWriter out, Recipe r, Composition product, List<ComplianceReport> reports) {
        StringBuilder wt = new StringBuilder();
        product.wtPct().forEach((el, pct) -> wt.append(String.format(Locale.ROOT, "  %s %.4f", el, pct)));
        out.println(r.name() + ": product wt%" + wt);
        for (ComplianceReport rep : reports) {
            Specification s = rep.specification();
            out.println();
            out.println(rep.verdict() + "  " + s.sector() + "  " + s.name() + "  [" + s.confidence() + "]");
            for (ElementCheck e : rep.elements()) {
                out.printf(Locale.ROOT, "    %-20s %9.4f  %8s %8s  %-8s margin %+.4f%n", e.element(), e.valuePct(),
                        e.minPct() == null ? "-" : e.minPct(), e.maxPct() == null ? "-" : e.maxPct(), e.status(), e.marginPct());
            }
            for (PropertyCheck p : rep.properties()) {
                out.printf(Locale.ROOT, "    %-20s %9.2f  %s %s  %-8s margin %+.2f (estimate)%n", p.property(), p.estimate(),
                        p.property().isMinimum() ? "min" : "max", p.required(), p.status(), p.margin());
            }
        }
    }
}
