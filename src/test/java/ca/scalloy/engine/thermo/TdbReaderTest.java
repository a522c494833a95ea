package ca.scalloy.engine.thermo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class TdbReaderTest {

    private static double eval(TdbDatabase db, String function, double tempK) {
        return db.new FunctionEvaluator().value(function, tempK);
    }

    @Test
    void cost507IsReadWholeWithItsAbbreviatedKeywordsAndContinuationLines() {
        TdbDatabase db = TdbReader.resource("cost507-light-alloys.tdb");
        // 1908 PARAMETER commands outside comments ($ lines), counted with grep -ci '^ *PARA' on the file.
        assertEquals(1908, db.parameters().size());
        TdbDatabase.PhaseDef fcc = db.phases().get("FCC_A1");
        assertEquals(2, fcc.sites().length);
        assertTrue(fcc.constituents().get(0).contains("ZR"), "CONST continued on the next line");
        assertEquals(List.of("C", "N", "VA"), fcc.constituents().get(1), "the % major-constituent marks are dropped");
        assertEquals(-3.0, db.magnetic("FCC_A1").afmFactor());
        assertEquals(0.28, db.magnetic("FCC_A1").structureFactorP());
        assertNotNull(db.phases().get("LIQUID"), "PHASE LIQUID:L is read as LIQUID");
    }

    @Test
    void ghserAlEvaluatesTheSgteUnaryInEachRange() {
        TdbDatabase db = TdbReader.resource("cost507-light-alloys.tdb");
        // The SGTE expression of GHSERAL (Dinsdale 1991), first range 298.15-700 K, evaluated here by hand:
        double t = 500;
        double first = -7976.15 + 137.093038 * t - 24.3671976 * t * Math.log(t) - 1.884662E-3 * t * t - 0.877664E-6 * t * t * t + 74092 / t;
        assertEquals(first, eval(db, "GHSERAL", t), 1e-9);
        // third range (above 933.47 K): -11278.378+188.684153*T-31.748192*T*LOG(T)-1230.524E25*T**(-9)
        t = 1200;
        double third = -11278.378 + 188.684153 * t - 31.748192 * t * Math.log(t) - 1230.524E25 * Math.pow(t, -9);
        assertEquals(third, eval(db, "GHSERAL", t), 1e-9);
        // At 298.15 K, G - H(SER) = -T*S(298) to within the fit: -298.15 * 28.30 J/(mol K) = -8437.6 J/mol.
        assertEquals(-8437.6, eval(db, "GHSERAL", 298.15), 0.5);
    }

    @Test
    void functionReferencesWithAndWithoutHashGiveTheSameValue() {
        TdbDatabase mcal = TdbReader.resource("mc_al-2.037-subset-al-sc-zr.tdb");
        TdbDatabase cost = TdbReader.resource("cost507-light-alloys.tdb");
        // mc_al writes GHSERAL#, COST 507 GHSERAL; the liquid Al unary is the same SGTE expression in both,
        // rounded differently in the files (11005.03 against 11005.029 in mc_al's second range): 0.01 J/mol.
        double t = 1000;
        Expr.FunctionValues f = mcal.new FunctionEvaluator();
        double mcalLiquid = mcal.parameters("LIQUID").stream().filter(p -> p.constituents().equals(List.of(List.of("AL")))).findFirst()
                .orElseThrow().value().eval(t, f);
        assertEquals(eval(cost, "GLIQAL", t), mcalLiquid, 0.01);
    }

    @Test
    void expressionsFollowOperatorPrecedence() {
        Expr.FunctionValues none = (n, t) -> {
            throw new AssertionError(n);
        };
        assertEquals(2 * 9.0 + 1, Expr.parse("1+2*T**2").eval(3, none), 1e-12);
        assertEquals(-9.0, Expr.parse("-T**2").eval(3, none), 1e-12);
        assertEquals(3 * Math.log(3) - 1.0 / 9, Expr.parse("T*LN(T)-T**(-2)").eval(3, none), 1e-12);
        assertEquals(1.5E-3 * 3, Expr.parse("+1.5E-3*T").eval(3, none), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> Expr.parse("2*(T+1"));
    }

    @Test
    void aCommandThatCannotBeReadNamesTheFileAndTheCommand() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> TdbReader.read("broken.tdb", "FUNCTION GBROKEN 298.15 +1*T*; 6000 N !"));
        assertTrue(e.getMessage().contains("broken.tdb") && e.getMessage().contains("GBROKEN"), e.getMessage());
    }
}
