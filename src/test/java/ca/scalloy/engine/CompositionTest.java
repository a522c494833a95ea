package ca.scalloy.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CompositionTest {

    private static IllegalArgumentException refused(Map<String, Double> wtPct) {
        return assertThrows(IllegalArgumentException.class, () -> new Composition(wtPct, "Al"));
    }

    @Test
    void negativeContentIsRefusedNamingElementAndValue() {
        assertEquals("Sc: wt% must be a number from 0 to 100, was -0.5", refused(Map.of("Sc", -0.5)).getMessage());
    }

    @Test
    void notANumberIsRefusedNamingElement() {
        assertEquals("Fe: wt% must be a number from 0 to 100, was NaN", refused(Map.of("Fe", Double.NaN)).getMessage());
    }

    @Test
    void missingValueIsRefusedNamingElement() {
        Map<String, Double> pct = new HashMap<>();
        pct.put("Mg", null);

        assertEquals("Mg: wt% must be a number from 0 to 100, was null", refused(pct).getMessage());
    }

    @Test
    void listedElementsAbove100PercentAreRefusedWithTheirSum() {
        assertEquals("the listed elements sum to 100.5 wt%, above 100 wt%",
                refused(Map.of("Sc", 60.0, "Mg", 40.5)).getMessage());
    }

    @Test
    void unknownElementIsRefusedByName() {
        assertTrue(refused(Map.of("Xx", 1.0)).getMessage().startsWith("Xx: unknown element"));
    }

    @Test
    void balanceElementListedWithAValueIsRefused() {
        assertEquals("Al: is the balance element and must not be listed (its wt% is the rest to 100)",
                refused(Map.of("Al", 98.0, "Sc", 2.0)).getMessage());
    }

    @Test
    void unknownBalanceElementIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Composition.pure("Qq"));

        assertEquals("balanceElement: unknown element 'Qq'", e.getMessage());
    }

    /* Al-2Sc: 2/44.955908 = 0.0444880 mol Sc, 98/26.9815385 = 3.6321023 mol Al per 100 g;
     * at% Sc = 0.0444880 / 3.6765903 = 1.2100316 %, at% Al = 98.7899684 %. */
    @Test
    void weightPercentConvertsToAtomicPercentByAtomicMasses() {
        Composition alSc2 = new Composition(Map.of("Sc", 2.0), "Al");

        Map<String, Double> at = alSc2.allAtPct();

        assertEquals(1.2100316, at.get("Sc"), 1e-7);
        assertEquals(98.7899684, at.get("Al"), 1e-7);
        assertEquals(98.0, alSc2.balancePct(), 0.0);
    }

    /* 1.2100316 at% Sc: 1.2100316*44.955908 = 54.3981 g, 98.7899684*26.9815385 = 2665.5053 g; Sc = 2.0000 wt%. */
    @Test
    void atomicPercentRoundTripsToWeightPercent() {
        Composition back = Composition.fromAtPct(Map.of("Sc", 1.2100315734), "Al");

        assertEquals(2.0, back.pct("Sc"), 1e-9);
        assertEquals(98.0, back.pct("Al"), 1e-9);
        Composition fiveElements = new Composition(Map.of("Mg", 4.5, "Mn", 0.7, "Sc", 0.25, "Zr", 0.1), "Al");
        Composition again = Composition.fromAtPct(withoutBalance(fiveElements.allAtPct(), "Al"), "Al");
        fiveElements.allWtPct().forEach((el, pct) -> assertEquals(pct, again.pct(el), 1e-9, el));
    }

    private static Map<String, Double> withoutBalance(Map<String, Double> at, String balance) {
        Map<String, Double> m = new HashMap<>(at);
        m.remove(balance);
        return m;
    }

    @Test
    void atomicPercentAbove100IsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Composition.fromAtPct(Map.of("Sc", 70.0, "Mg", 31.0), "Al"));

        assertEquals("the listed elements sum to 101.0 at%, above 100 at%", e.getMessage());
    }
}
