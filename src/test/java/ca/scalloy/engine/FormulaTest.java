package ca.scalloy.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormulaTest {

    /*
     * Atomic masses (al-sc-data.md §1): Sc 44.955908, O 15.999, F 18.998403163, Na 22.98976928,
     * K 39.0983, Zr 91.224.
     *   Sc2O3   = 2*44.955908 + 3*15.999                       = 137.908816 g/mol; Sc 89.911816/137.908816 = 65.1966 %
     *   ScF3    = 44.955908 + 3*18.998403163                   = 101.951117 g/mol; Sc 44.955908/101.951117 = 44.0956 %
     *   Na3ScF6 = 3*22.98976928 + 44.955908 + 6*18.998403163   = 227.915635 g/mol; Sc 19.7248 %
     *   K3ScF6  = 3*39.0983 + 44.955908 + 6*18.998403163       = 276.241227 g/mol; Sc 16.2741 %
     *   K2ZrF6  = 2*39.0983 + 91.224 + 6*18.998403163          = 283.411019 g/mol; Zr 32.1879 %
     * The reference table rounds these to 65.20, 44.10, 19.72, 16.27.
     */
    @ParameterizedTest(name = "{1} in {0} is {3} wt%")
    @CsvSource({
        "Sc2O3,   Sc, 137.908816, 65.196569",
        "ScF3,    Sc, 101.951117, 44.095552",
        "Na3ScF6, Sc, 227.915635, 19.724802",
        "K3ScF6,  Sc, 276.241227, 16.274149",
        "K2ZrF6,  Zr, 283.411019, 32.187880",
    })
    void elementContentFollowsFromAtomicMasses(String text, String element, double molarMass, double pct) {
        Formula f = Formula.parse(text);

        assertEquals(molarMass, f.molarMassGPerMol(), 1e-6);
        assertEquals(pct, 100 * f.massFraction(element), 1e-6);
        assertEquals(pct, Math.round(pct * 100) / 100.0, 0.005, "agrees with the reference table to 2 decimals");
    }

    /* Al(OH)3: Al 1, O 3, H 3; M = 26.9815385 + 3*15.999 + 3*1.008 = 78.0025385 g/mol, Al 34.5906 %. */
    @Test
    void parenthesisedGroupMultipliesEachAtom() {
        Formula f = Formula.parse("Al(OH)3");

        assertEquals(Map.of("Al", 1, "O", 3, "H", 3), f.atoms());
        assertEquals(78.0025385, f.molarMassGPerMol(), 1e-9);
        assertEquals(0.3459059, f.massFraction("Al"), 1e-7);
    }

    @Test
    void elementAbsentFromFormulaHasNoContent() {
        assertEquals(0.0, Formula.parse("ScF3").massFraction("Zr"));
    }

    /*
     * Charge balance: Sc2O3 3*(-2) = -6 over 2 Sc -> 3;  ScF3 -3 -> 3;  Na3ScF6 6*(-1) + 3*(+1) = -3 -> 3;
     * K2ZrF6 -6 + 2 = -4 -> 4;  K2TiF6 -> 4.
     */
    @ParameterizedTest(name = "{1} in {0} has valence {2}")
    @CsvSource({
        "Sc2O3,   Sc, 3",
        "ScF3,    Sc, 3",
        "Na3ScF6, Sc, 3",
        "K2ZrF6,  Zr, 4",
        "K2TiF6,  Ti, 4",
    })
    void valenceFollowsFromChargeBalance(String text, String element, int valence) {
        Formula f = Formula.parse(text);

        assertEquals(valence, f.valence(element));
        assertEquals(element, f.reducibleElement());
    }

    @ParameterizedTest(name = "''{0}'' is refused: {1}")
    @CsvSource(delimiter = '|', value = {
        "Xx2O3  | formula 'Xx2O3' cannot be read: unknown element 'Xx' at character 1",
        "Sc2O3) | formula 'Sc2O3)' cannot be read: ')' without '(' at character 6",
        "sc2o3  | formula 'sc2o3' cannot be read: unexpected 's' at character 1",
        "Sc0    | formula 'Sc0' cannot be read: an atom count of 0 at character 3",
        "Al(OH3 | formula 'Al(OH3' cannot be read: '(' is not closed at character 7",
        "Sc2 O3 | formula 'Sc2 O3' cannot be read: unexpected ' ' at character 4",
    })
    void unreadableFormulaIsRefusedNamingFormulaAndFault(String text, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Formula.parse(text));

        assertEquals(message, e.getMessage());
    }

    @Test
    void emptyFormulaIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Formula.parse("  "));

        assertEquals("formula is empty", e.getMessage());
    }

    @Test
    void atomCountTooLargeForAnIntIsRefusedNamingTheFormula() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Formula.parse("Sc99999999999"));

        assertEquals("formula 'Sc99999999999' cannot be read: an atom count of 99999999999, too large at character 3", e.getMessage());
    }

    @Test
    void compoundWithTwoReducibleElementsAsksWhichOneIsDelivered() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Formula.parse("ScZrO4").reducibleElement());

        assertEquals("formula 'ScZrO4' has more than one reducible element (Sc, Zr); name the delivered element", e.getMessage());
    }

    @Test
    void valenceThatDoesNotBalanceIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Formula.parse("Sc3O2").valence("Sc"));

        assertEquals("formula 'Sc3O2' does not balance to a whole positive valence of Sc", e.getMessage());
    }
}
