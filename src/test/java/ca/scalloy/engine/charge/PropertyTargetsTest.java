package ca.scalloy.engine.charge;

import static ca.scalloy.engine.charge.RecipeBuilder.metal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.kinetics.AgeingSchedule;
import ca.scalloy.engine.props.PropertyCalculator;
import ca.scalloy.engine.thermo.ProcessRoute;
import ca.scalloy.solver.OjalgoSolver;

/**
 * Property targets (issue 14, point 2): every expectation is checked against {@link PropertyCalculator} evaluated
 * here on the answer's product, not against numbers the search printed.
 */
class PropertyTargetsTest {

    private static final PropertyCalculator MODELS = new PropertyCalculator();
    private static final AgeingSchedule AGED = AgeingSchedule.parse("325:4");

    private final ChargeCalculator calculator = new ChargeCalculator(new OjalgoSolver());

    /**
     * An Al-Mg-Sc powder-alloy melt (Scalmalloy-type without Zr), 1000 kg: Mg 4.0-4.9 %, Sc at most 0.8 %. Mg costs
     * 3.50 a kg against 3.40 for the Al it displaces; Sc comes as AlSc2 at 200 a kg (100 a kg more per 0.01 % Sc in
     * the batch than the Al it displaces... 5 kg of AlSc2 per 0.01 %, i.e. about 1000 per 0.01 % Sc).
     */
    static Recipe alMgSc(PropertyTarget... targets) {
        Recipe r = RecipeBuilder.recipe()
                .targets(new ElementTarget("Mg", 4.0, null, 4.9), ElementTarget.max("Sc", 0.8), ElementTarget.max("Fe", 0.2),
                        ElementTarget.max("Si", 0.2))
                .materials(metal("AL-9999", MaterialKind.METAL, Map.of("Fe", 0.005, "Si", 0.004), 3.40, 6.0),
                        metal("MG999", MaterialKind.METAL, Map.of("Mg", 99.9, "Fe", 0.02, "Si", 0.01), 3.50, 25.0),
                        metal("ALSC2", MaterialKind.MASTER_ALLOY, Map.of("Sc", 2.0, "Fe", 0.10, "Si", 0.05), 200, 10.0))
                .build();
        return r.withPropertyTargets(List.of(targets));
    }

    /** {@link #alMgSc} with Zr from AlZr10 (10 % Zr at 8.00 a kg: Zr hardens with Sc in Al3(Sc,Zr) for far less), Zr at most 0.4 %. */
    static Recipe alMgScZr(PropertyTarget... targets) {
        Recipe r = alMgSc(targets);
        List<ElementTarget> limits = new java.util.ArrayList<>(r.targets());
        limits.add(ElementTarget.max("Zr", 0.4));
        List<Material> materials = new java.util.ArrayList<>(r.materials());
        materials.add(metal("ALZR10", MaterialKind.MASTER_ALLOY, Map.of("Zr", 10.0, "Fe", 0.15, "Si", 0.08), 8.00, 8.0));
        return r.withTargets(limits).withMaterials(materials);
    }

    static PropertyTarget yieldAtLeast(double mpa) {
        return new PropertyTarget("yieldStrengthMPa", mpa, null, ProcessRoute.RAPID, AGED);
    }

    private static double yieldOf(Map<String, Double> pct) {
        Map<String, Double> m = new LinkedHashMap<>(pct);
        m.remove("Al");
        return MODELS.compute(new Composition(m, "Al"), yieldAtLeast(0).conditions()).yieldStrength().valueMPa();
    }

    @Test
    void aTargetTheCheapestChargeAlreadyMeetsLeavesTheChargeAsItWas() {
        ChargeResult plain = calculator.solve(alMgSc());
        double plainYield = yieldOf(plain.productCompositionPct());
        ChargeResult targeted = calculator.solve(alMgSc(yieldAtLeast(plainYield - 20)));

        assertTrue(targeted.solved());
        assertEquals(plain.charge().size(), targeted.charge().size());
        for (ChargeLine l : plain.charge()) {
            assertEquals(l.massKg(), targeted.massKg(l.materialId()), 1e-9, l.materialId());
        }
        PropertyOutcome o = targeted.properties().get(0);
        assertTrue(o.met());
        assertEquals(plainYield, o.value(), 1e-9);
        assertTrue(o.low() <= o.value() && o.value() <= o.high(), "the value lies in its band");
    }

    @Test
    void aBindingYieldTargetRaisesScJustUntilTheVerifiedYieldMeetsIt() {
        double cheapYield = yieldOf(calculator.solve(alMgSc()).productCompositionPct());
        double asked = cheapYield + 100;
        ChargeResult r = calculator.solve(alMgSc(yieldAtLeast(asked)));

        assertTrue(r.solved(), () -> r.diagnosis().toString());
        double verified = yieldOf(r.productCompositionPct());
        assertTrue(verified >= asked * (1 - PropertyFormulation.TOLERANCE_RELATIVE), "verified " + verified + " against " + asked);
        assertEquals(verified, r.properties().get(0).value(), 1e-9);
        // Mg raises the yield at a thousandth of Sc's price per MPa (3.50 against 3.40 a kg; see alMgSc): it goes to its max first.
        assertEquals(4.9, r.productPct("Mg"), 1e-4);
        // Sc is no higher than needed: 0.005 % less Sc and the verified yield falls short.
        Map<String, Double> less = new LinkedHashMap<>(r.productCompositionPct());
        less.put("Sc", less.get("Sc") - 0.005);
        assertTrue(yieldOf(less) < asked, "with 0.005 % less Sc the yield is " + yieldOf(less));
    }

    @Test
    void aYieldNoChargeReachesIsDiagnosedWithTheHighestReachable() {
        ChargeResult r = calculator.solve(alMgSc(yieldAtLeast(900)));

        assertFalse(r.solved());
        Diagnosis d = r.diagnosis().get(0);
        assertEquals(Diagnosis.Kind.PROPERTY, d.kind());
        assertTrue(d.message().startsWith("yieldStrengthMPa min 900 after RAPID 325:4 cannot be met"), d.message());
        // The highest yield on a grid of what the limits allow (Mg 4.0-4.9 %, Sc 0-0.8 %), evaluated here.
        double best = 0;
        for (double mg : new double[] {4.0, 4.9}) {
            for (double sc : new double[] {0.1, 0.2, 0.3, 0.5, 0.8}) {
                best = Math.max(best, yieldOf(Map.of("Mg", mg, "Sc", sc)));
            }
        }
        assertTrue(d.reachable() >= best - 2 && d.reachable() <= best + 2, "reachable " + d.reachable() + ", grid best " + best);
    }

    @Test
    void theAnswerDoesNotDependOnWhereTheSearchStarts() {
        double asked = yieldOf(calculator.solve(alMgSc()).productCompositionPct()) + 100;
        Recipe recipe = alMgSc(yieldAtLeast(asked));
        ChargeResult cheapest = calculator.solveFrom(recipe, PropertyFormulation.Start.CHEAPEST);
        ChargeResult richest = calculator.solveFrom(recipe, PropertyFormulation.Start.RICHEST);

        assertTrue(cheapest.solved() && richest.solved());
        assertEquals(cheapest.costTotal(), richest.costTotal(), 1e-3 * cheapest.costTotal());
        assertEquals(cheapest.productPct("Sc"), richest.productPct("Sc"), 2e-3);
        assertEquals(cheapest.productPct("Mg"), richest.productPct("Mg"), 2e-3);
    }

    /**
     * The search carries its slopes by secant updates once the targets are met (issue 14's ≤ 200 ms) and must land
     * where it landed when it differenced them at every iteration. The "before" figures are that search's answers at
     * commit 2ebc62f (the worked example recipes/almgsc-powder-yield-target.json is {@code alMgSc(yieldAtLeast(420))};
     * with Zr, {@code alMgScZr}), with its count of model estimates (and it estimated the last charge once more for its outcomes). Yield 420 MPa is met within 1e-4 of it
     * (0.042 MPa); here about 280 MPa per wt% Sc, so that is 0.00015 wt% Sc, about 15 in cost at 1000 per 0.01 % Sc
     * (see alMgSc): the same charge within the target's tolerance, and never dearer by more than a cent. Mg (and Zr)
     * at their max are the cheapest hardening: both searches put them there.
     */
    @ParameterizedTest
    @CsvSource({
            "false, 18335.372535, 0.1518868, 45",
            "true,  17400.310237, 0.1405026, 39"})
    void secantUpdatesKeepTheAnswerWithFewerModelEstimates(boolean withZr, double costBefore, double scPctBefore, int estimatesBefore) {
        Recipe recipe = withZr ? alMgScZr(yieldAtLeast(420)) : alMgSc(yieldAtLeast(420));
        ChargeResult r = calculator.solve(recipe);

        assertTrue(r.solved(), () -> r.diagnosis().toString());
        assertTrue(r.costTotal() <= costBefore + 0.01, "cost " + r.costTotal() + " against " + costBefore + " before");
        assertEquals(costBefore, r.costTotal(), 15.0);
        assertEquals(scPctBefore, r.productPct("Sc"), 1.5e-4);
        assertEquals(4.9, r.productPct("Mg"), 1e-6);
        if (withZr) {
            assertEquals(0.4, r.productPct("Zr"), 1e-6);
        }
        double verified = yieldOf(r.productCompositionPct());
        assertTrue(verified >= 420 * (1 - PropertyFormulation.TOLERANCE_RELATIVE), "verified " + verified);
        Map<String, Double> less = new LinkedHashMap<>(r.productCompositionPct());
        less.put("Sc", less.get("Sc") - 0.005);
        assertTrue(yieldOf(less) < 420, "with 0.005 % less Sc the yield is " + yieldOf(less));
        PropertyFormulation.Found found = calculator.searchFor(recipe, PropertyFormulation.Start.CHEAPEST);
        assertTrue(found.evaluations() < estimatesBefore, found.evaluations() + " model estimates against " + estimatesBefore + " before");
    }
}
