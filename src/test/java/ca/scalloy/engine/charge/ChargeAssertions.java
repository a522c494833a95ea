package ca.scalloy.engine.charge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The domain assertions of the charge tests, with their tolerances in one place. */
final class ChargeAssertions {

    /** kg: hand derivations are carried to 5 decimals. */
    static final double KG_TOLERANCE = 5e-5;
    /** wt%: the engine's own limit tolerance. */
    static final double PCT_TOLERANCE = ChargeResult.LIMIT_TOLERANCE_PCT;
    /** Relative tolerance of the mass balance in to out. */
    static final double BALANCE_RELATIVE_TOLERANCE = 1e-6;

    private ChargeAssertions() {
    }

    static void assertSolved(ChargeResult r) {
        assertTrue(r.solved(), () -> "expected a charge, got diagnosis " + r.diagnosis());
        assertTrue(r.limits().stream().allMatch(LimitCheck::within), () -> "a limit is broken: " + r.limits());
        assertMassConserved(r);
    }

    static void assertInfeasible(ChargeResult r) {
        assertFalse(r.solved(), () -> "expected no charge, got " + r.charge());
        assertFalse(r.diagnosis().isEmpty(), "an infeasible charge must say why");
    }

    static void assertKg(double expectedKg, ChargeResult r, String materialId) {
        assertEquals(expectedKg, r.massKg(materialId), KG_TOLERANCE, () -> materialId + " kg");
    }

    static void assertPct(double expectedPct, ChargeResult r, String element) {
        assertEquals(expectedPct, r.productPct(element), PCT_TOLERANCE, () -> element + " wt%");
    }

    /** What goes in (heel and charge) comes out (product, slag and dross), and the charge lines add up to inKg. */
    static void assertMassConserved(ChargeResult r) {
        double tol = BALANCE_RELATIVE_TOLERANCE * Math.max(1, r.inKg());
        double charged = r.charge().stream().mapToDouble(ChargeLine::massKg).sum();
        assertEquals(r.inKg(), r.outKg(), tol, "inKg = outKg");
        assertEquals(charged + r.heelKg(), r.productMassKg() + r.slagKg() + r.drossKg(), tol,
                "charge + heel = product + slag + dross");
        double sumPct = r.productCompositionPct().values().stream().mapToDouble(Double::doubleValue).sum();
        assertEquals(100.0, sumPct, 1e-9, "product composition sums to 100 %");
    }
}
