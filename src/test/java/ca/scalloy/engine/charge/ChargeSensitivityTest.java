package ca.scalloy.engine.charge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ca.scalloy.io.RecipeFiles;
import ca.scalloy.solver.OjalgoSolver;

/**
 * The sensitivity analysis against what it claims: a limit's cost is the finite difference of re-solves
 * with the limit moved, and a price range is where a re-solve at a changed price gives the same charge.
 */
class ChargeSensitivityTest {

    /** A relaxation small enough to stay on the same basis, large enough to be read above the LP's noise. */
    private static final double STEP_PCT = 1e-4;

    private final ChargeCalculator calculator = new ChargeCalculator(new OjalgoSolver());

    static Recipe file(String name) throws Exception {
        return RecipeFiles.read(Path.of("recipes", name));
    }

    private ChargeSensitivity sensitivity(Recipe r) {
        ChargeSensitivity s = calculator.analyse(r, ChargeAnalysis.Request.standard(true)).sensitivity();
        assertNull(s.unavailable(), "an analysis is available");
        return s;
    }

    /** The recipe with one limit moved by {@code deltaPct} (a minimum lowered, a maximum raised). */
    static Recipe relaxed(Recipe r, String element, ChargeSensitivity.Bound bound, double deltaPct) {
        List<ElementTarget> targets = new ArrayList<>();
        for (ElementTarget t : r.targets()) {
            if (t.element().equals(element)) {
                t = bound == ChargeSensitivity.Bound.MIN ? new ElementTarget(element, t.minPct() - deltaPct, t.aimPct(), t.maxPct())
                        : new ElementTarget(element, t.minPct(), t.aimPct(), t.maxPct() + deltaPct);
            }
            targets.add(t);
        }
        return r.withTargets(targets);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "almgsc-5028-sensitivity.json, MIN_COST",
        "almgsc-5028-sensitivity.json, MIN_CO2",
        "almgsc-5028-sensitivity.json, AIM",
        "almgsc-5028-type.json, MIN_COST",
        "alsc2-oxide-route.json, MIN_COST",
        "alsc2-oxide-route.json, AIM",
        "alsc2-oxide-route-robust.json, MIN_COST",
        "alsc2-into-5083-melt.json, MIN_COST",
        "alsc2zr1-k2zrf6.json, MIN_COST"})
    void everyLimitsCostIsTheFiniteDifferenceOfReSolves(String name, Objective objective) throws Exception {
        Recipe r = file(name).withObjective(objective);
        ChargeResult base = calculator.solve(r);
        ChargeSensitivity s = sensitivity(r);
        assertFalse(s.limits().isEmpty());
        for (ChargeSensitivity.LimitSensitivity l : s.limits()) {
            ChargeResult moved = calculator.solve(relaxed(r, l.element(), l.bound(), STEP_PCT));
            double fd = (base.costTotal() - moved.costTotal()) / STEP_PCT;
            assertEquals(fd, l.costPerPctRelaxed(), 1e-4 * Math.max(1, Math.abs(fd)) + 0.05,
                    l.element() + " " + l.bound() + ": finite difference " + fd);
            if (objective == Objective.MIN_CO2) {
                double co2 = (base.co2TotalKg() - moved.co2TotalKg()) / STEP_PCT;
                assertEquals(co2, l.co2KgPerPctRelaxed(), 1e-4 * Math.max(1, Math.abs(co2)) + 0.05, l.element() + " CO2");
            } else {
                assertNull(l.co2KgPerPctRelaxed());
            }
            if (!l.binding()) {
                assertEquals(0, l.costPerPctRelaxed(), 0, l.element() + " " + l.bound() + " is not binding");
            }
        }
    }

    /**
     * Worked example 2 (5028-type, 2000 kg, MIN_COST), by hand: Sc comes only from AlSc2 (2 % Sc) and
     * its minimum binds. 0.01 % of 2000 kg is 0.2 kg of Sc = 10 kg of AlSc2 in place of 10 kg of P1020
     * (the mass and every other limit unchanged): 10 × (200 − 2.60) = 1974 per 0.01 %, 197,400 per point.
     * P1020 and P0610 carry the aluminium, neither Fe nor Si binding: P1020 is charged while it is not
     * dearer than P0610 (2.75), and P0610 enters at P1020's price (2.60).
     */
    @Test
    void workedExampleTwoByHand() throws Exception {
        ChargeSensitivity s = sensitivity(file("almgsc-5028-type.json"));
        ChargeSensitivity.LimitSensitivity sc = limit(s, "Sc", ChargeSensitivity.Bound.MIN);
        assertTrue(sc.binding());
        assertEquals(197_400, sc.costPerPctRelaxed(), 1e-6);
        ChargeSensitivity.PriceRange p1020 = price(s, "P1020");
        assertTrue(p1020.inCharge());
        assertNull(p1020.priceLow());
        assertEquals(2.75, p1020.priceHigh(), 1e-9);
        ChargeSensitivity.PriceRange p0610 = price(s, "P0610");
        assertFalse(p0610.inCharge());
        assertEquals(2.60, p0610.priceLow(), 1e-9);
        assertNull(p0610.priceHigh());
        assertFalse(limit(s, "Fe", ChargeSensitivity.Bound.MAX).binding());
        assertEquals(0, limit(s, "Fe", ChargeSensitivity.Bound.MAX).costPerPctRelaxed());
    }

    /** The sensitivity example: a customer's Fe ≤ 0.14 % and Si ≤ 0.08 % both hold the charge back. */
    @Test
    void ironAndSiliconBindInTheSensitivityExample() throws Exception {
        ChargeSensitivity s = sensitivity(file("almgsc-5028-sensitivity.json"));
        for (String el : List.of("Fe", "Si")) {
            ChargeSensitivity.LimitSensitivity l = limit(s, el, ChargeSensitivity.Bound.MAX);
            assertTrue(l.binding(), el);
            assertTrue(l.costPerPctRelaxed() > 1000, el + " costs something to hold");
        }
    }

    /**
     * Each finite end of a price range (and, under MIN_CO2, of a CO2 range) is checked by re-solving: a
     * value between the current one and the end leaves every charged mass as it was; a value 1 % past the
     * end changes the charge. Under MIN_CO2 with a single least-CO2 charge no price changes the charge
     * (every price range is unbounded) and the CO2 factors do the work.
     */
    @ParameterizedTest
    @CsvSource({"almgsc-5028-sensitivity.json, MIN_COST", "almgsc-5028-type.json, MIN_COST", "almgsc-5028-sensitivity.json, MIN_CO2",
        "almgsc-5028-sensitivity.json, AIM", "alsc2-oxide-route-robust.json, MIN_COST"})
    void rangesAreWhereTheChargeStaysTheSame(String name, Objective objective) throws Exception {
        Recipe r = file(name).withObjective(objective);
        ChargeResult base = calculator.solve(r);
        ChargeSensitivity s = sensitivity(r);
        int checked = 0;
        for (ChargeSensitivity.PriceRange p : s.materials()) {
            checked += checkEnds(r, base, p.materialId(), p.pricePerKg(), p.priceLow(), p.priceHigh(), ChargeSensitivityTest::withPrice);
            if (objective == Objective.MIN_CO2) {
                checked += checkEnds(r, base, p.materialId(), p.co2KgPerKg(), p.co2Low(), p.co2High(), ChargeSensitivityTest::withCo2);
                assertNull(p.priceLow(), "a unique least-CO2 charge does not depend on prices");
                assertNull(p.priceHigh());
            } else {
                assertNull(p.co2Low());
                assertNull(p.co2High());
            }
        }
        assertTrue(checked >= 1, "some ends were checked: " + checked);
    }

    interface Change {
        Recipe apply(Recipe r, String id, double value);
    }

    private int checkEnds(Recipe r, ChargeResult base, String id, double now, Double low, Double high, Change change) {
        int checked = 0;
        for (Double end : new Double[] {low, high}) {
            if (end == null) {
                continue;
            }
            double inside = now + 0.5 * (end - now);
            assertSameCharge(base, calculator.solve(change.apply(r, id, inside)), id + " at " + inside);
            double past = end + 0.01 * (end - now) + Math.signum(end - now) * 1e-3;
            assertFalse(sameCharge(base, calculator.solve(change.apply(r, id, past))), id + " at " + past + " is past the end " + end);
            checked++;
        }
        return checked;
    }

    static Recipe withCo2(Recipe r, String id, double co2) {
        return r.withMaterials(r.materials().stream().map(m -> m.id().equals(id) ? m.withCo2KgPerKg(co2) : m).toList());
    }

    @Test
    void wholePiecesHaveNoSensitivity() throws Exception {
        Recipe r = file("alsc2-fluoride-route.json").withWholePieces(true, 2.0);
        ChargeSensitivity s = calculator.analyse(r, ChargeAnalysis.Request.standard(true)).sensitivity();
        assertEquals(ChargeSensitivity.Unavailable.WHOLE_PIECES, s.unavailable());
        assertTrue(s.limits().isEmpty());
    }

    @Test
    void anInfeasibleTargetHasNoSensitivity() throws Exception {
        Recipe r = file("alsc2-oxide-route.json");
        r = r.withTargets(List.of(ElementTarget.range("Sc", 1.8, 2.0, 2.2), ElementTarget.max("Fe", 0.05)));
        ChargeSensitivity s = calculator.analyse(r, ChargeAnalysis.Request.standard(true)).sensitivity();
        assertEquals(ChargeSensitivity.Unavailable.INFEASIBLE, s.unavailable());
    }

    @Test
    void sensitivityIsOnlyComputedWhenAsked() throws Exception {
        assertNull(calculator.analyse(file("almgsc-5028-type.json"), ChargeAnalysis.Request.standard(false)).sensitivity());
        assertNotNull(calculator.analyse(file("almgsc-5028-type.json"), ChargeAnalysis.Request.standard(true)).sensitivity());
    }

    static Recipe withPrice(Recipe r, String id, double price) {
        return r.withMaterials(r.materials().stream().map(m -> m.id().equals(id) ? m.withPricePerKg(price) : m).toList());
    }

    private static boolean sameCharge(ChargeResult a, ChargeResult b) {
        if (!b.solved()) {
            return false;
        }
        for (ChargeLine l : a.charge()) {
            if (Math.abs(l.massKg() - b.massKg(l.materialId())) > 1e-6 * Math.max(1, l.massKg())) {
                return false;
            }
        }
        for (ChargeLine l : b.charge()) {
            if (a.massKg(l.materialId()) == 0 && l.massKg() > 1e-6) {
                return false;
            }
        }
        return true;
    }

    private static void assertSameCharge(ChargeResult a, ChargeResult b, String what) {
        assertTrue(sameCharge(a, b), what + ": " + a.charge() + " vs " + b.charge());
    }

    static ChargeSensitivity.LimitSensitivity limit(ChargeSensitivity s, String element, ChargeSensitivity.Bound bound) {
        return s.limits().stream().filter(l -> l.element().equals(element) && l.bound() == bound).findFirst().orElseThrow();
    }

    static ChargeSensitivity.PriceRange price(ChargeSensitivity s, String id) {
        return s.materials().stream().filter(p -> p.materialId().equals(id)).findFirst().orElseThrow();
    }
}
