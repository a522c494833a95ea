package ca.scalloy.engine.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.props.Ageing;
import ca.scalloy.engine.props.AlloyProperties;
import ca.scalloy.engine.props.PropertyCalculator;

class ComplianceCheckerTest {

    /** AlSc2 (sectors.md): Sc 1.80-2.20, Fe ≤ 0.15, Si ≤ 0.10, others 0.03 / 0.10. */
    private static final Specification ALSC2 = new Specification("AlSc2", "MASTER_ALLOY", "A",
            List.of(new ElementLimit("Sc", 1.80, 2.20), new ElementLimit("Fe", null, 0.15), new ElementLimit("Si", null, 0.10)),
            0.03, 0.10, List.of(), "common commercial practice", "est");

    private final ComplianceChecker checker = new ComplianceChecker();

    /*
     * Product of worked example 1 (Sc 2.0, Fe 0.0992, Si 0.0496), marginal share 10 %:
     *   Sc: margins 0.20 to min, 0.20 to max -> 0.20 ≥ 0.1·0.40 = 0.04 -> PASS, margin 0.20
     *   Fe: 0.15 − 0.0992 = 0.0508 ≥ 0.1·0.15 = 0.015 -> PASS
     *   Si: 0.10 − 0.0496 = 0.0504 ≥ 0.010 -> PASS; no other elements -> others 0: PASS
     */
    @Test
    void theWorkedOxideRouteProductPassesAlSc2WithItsMargins() {
        Composition product = new Composition(Map.of("Sc", 2.0, "Fe", 0.0992, "Si", 0.0496), "Al");
        ComplianceReport r = checker.check(product, ALSC2, null);
        assertEquals(ComplianceStatus.PASS, r.verdict());
        assertEquals(0.20, r.elements().get(0).marginPct(), 1e-12);
        assertEquals(0.0508, r.elements().get(1).marginPct(), 1e-12);
        assertEquals(0.0504, r.elements().get(2).marginPct(), 1e-12);
    }

    /*
     * Sc 1.83: margin to min 0.03 < 0.04 -> MARGINAL; Fe 0.16 -> margin −0.01 -> FAIL;
     * Cu 0.04 unlisted -> others each 0.04 > 0.03 -> FAIL (margin −0.01); others total 0.04 + 0.02 (Zn) = 0.06 ≤ 0.10,
     * margin 0.04 ≥ 0.01 -> PASS. Verdict FAIL.
     */
    @Test
    void marginalFailingAndOthersAreEachNamed() {
        Composition heat = new Composition(Map.of("Sc", 1.83, "Fe", 0.16, "Si", 0.05, "Cu", 0.04, "Zn", 0.02), "Al");
        ComplianceReport r = checker.check(heat, ALSC2, null);
        assertEquals(ComplianceStatus.FAIL, r.verdict());
        assertEquals(ComplianceStatus.MARGINAL, r.elements().get(0).status());
        assertEquals(0.03, r.elements().get(0).marginPct(), 1e-12);
        assertEquals(ComplianceStatus.FAIL, r.elements().get(1).status());
        assertEquals(-0.01, r.elements().get(1).marginPct(), 1e-12);
        ElementCheck each = r.elements().get(3);
        assertEquals("others each (Cu)", each.element());
        assertEquals(ComplianceStatus.FAIL, each.status());
        ElementCheck total = r.elements().get(4);
        assertEquals(0.06, total.valuePct(), 1e-12);
        assertEquals(ComplianceStatus.PASS, total.status());
        assertEquals(2, r.failures().size());
    }

    @Test
    void propertyRequirementsAreCheckedAgainstEstimates() {
        Specification wind = new Specification("5083+Sc marine plate", "WIND", "A",
                List.of(new ElementLimit("Mg", 4.0, 4.9)), null, null,
                List.of(new PropertyRequirement(PropertyRequirement.Property.YIELD_STRENGTH_MIN_MPA, 215)), "ASTM B221M / est", "est");
        Composition c = new Composition(Map.of("Mg", 4.5, "Mn", 0.7, "Sc", 0.25, "Zr", 0.12), "Al");
        AlloyProperties aged = new PropertyCalculator().compute(c, Ageing.aged(325, 4), null);
        ComplianceReport r = checker.check(c, wind, aged);
        assertEquals(1, r.properties().size());
        assertEquals(aged.yieldStrength().valueMPa(), r.properties().get(0).estimate(), 1e-9);
        assertEquals(aged.yieldStrength().valueMPa() - 215, r.properties().get(0).margin(), 1e-9);
    }

    /*
     * The estimate's band informs the verdict: a requirement the estimate meets by more than the marginal share but
     * inside its band is MARGINAL (the metal may miss it); one beyond the band's unfavourable end passes.
     */
    @Test
    void aRequirementInsideTheEstimatesBandIsMarginal() {
        Composition c = new Composition(Map.of("Mg", 4.5, "Mn", 0.7), "Al");
        AlloyProperties p = new PropertyCalculator().compute(c, Ageing.asCast(), null);
        double low = p.band("yieldStrengthMPa").low();
        double value = p.yieldStrength().valueMPa();
        double insideBand = (low + value) / 2;
        assertTrue(value - insideBand > 0.05 * insideBand, "the check must not be marginal by the share alone");
        ComplianceReport marginal = checker.check(c, spec(insideBand), p);
        assertEquals(ComplianceStatus.MARGINAL, marginal.properties().get(0).status());
        ComplianceReport pass = checker.check(c, spec(0.9 * low), p);
        assertEquals(ComplianceStatus.PASS, pass.properties().get(0).status());
    }

    private static Specification spec(double yieldMinMPa) {
        return new Specification("band check", "WIND", "A", List.of(), null, null,
                List.of(new PropertyRequirement(PropertyRequirement.Property.YIELD_STRENGTH_MIN_MPA, yieldMinMPa)), "test", "est");
    }

    @Test
    void badSpecificationsAreRefusedWithTheirValues() {
        IllegalArgumentException minAboveMax = assertThrows(IllegalArgumentException.class, () -> new ElementLimit("Sc", 2.2, 1.8));
        assertTrue(minAboveMax.getMessage().contains("2.2") && minAboveMax.getMessage().contains("1.8"), minAboveMax.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> new ElementLimit("Qq", null, 0.1));
        assertTrue(unknown.getMessage().contains("Qq"), unknown.getMessage());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> new Specification("X", "EV", "A",
                List.of(new ElementLimit("Fe", null, 0.1), new ElementLimit("Fe", null, 0.2)), null, null, List.of(), "", ""));
        assertTrue(twice.getMessage().contains("Fe"), twice.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Specification("X", "ev lower", "A", List.of(), null, null, List.of(), "", ""));
    }
}
