package ca.scalloy.engine.props;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PrecipitationTest {

    private final Precipitation model = new Precipitation(ModelParameters.standard());

    /*
     * Worked example by hand, f = 0.005 (0.5 vol%), r = 1.5 nm, M = 3.06, G = 25.4 GPa, b = 0.286 nm,
     * nu = 0.345 (al-sc-data.md §4):
     *   r̄ = π·r/4 = 1.17810 nm;  λ = 2·r̄·(√(π/(4f)) − 1) = 2·1.17810·(12.5331 − 1) = 27.1743 nm
     *   Orowan = 3.06·0.4·25.4e9·0.286e-9·ln(2·1.17810/0.286) / (π·√0.655·27.1743e-9)
     *          = 8.8915·2.10889 / 6.9089e-8 Pa = 271.39 MPa
     *   order = 3.06·0.81·0.5/(2·0.286e-9)·√(3π·0.005/8) = 2.16661e9·0.076750 Pa = 166.29 MPa
     *   coherency: ε = (2/3)·0.0132 = 0.0088; (G·ε)^1.5 = (2.2352e8)^1.5 = 3.3418e12;
     *     √(r·f/(0.5·G·b)) = √(7.5e-12/3.6322) = 1.43696e-6 -> 3.06·2.6·3.3418e12·1.43696e-6 = 38.20 MPa
     *   modulus: 3.06·0.0055·(42.6e9)^1.5·√(2·0.005/25.4e9)·(1.5/0.286)^(1.275−1)
     *     = 0.01683·8.7925e15·6.2746e-7·1.57745 = 146.46 MPa
     *   shearing = max(166.29, 38.20 + 146.46 = 184.66) = 184.66; active = min(184.66, 271.39) = 184.66 MPa
     */
    @Test
    void precipitationIncrementFollowsTheWorkedExample() {
        double f = 0.005;
        double r = 1.5e-9;
        assertEquals(271.39, model.orowanMPa(f, r), 0.01);
        assertEquals(166.29, model.orderMPa(f), 0.01);
        assertEquals(38.20, model.coherencyMPa(f, r), 0.01);
        assertEquals(146.46, model.modulusMPa(f, r), 0.01);
        assertEquals(184.66, model.incrementMPa(f, r)[0], 0.01);
    }

    /* Large particles are looped, not cut: at r = 20 nm, Orowan (≈ 53 MPa) is below shearing. */
    @Test
    void coarseParticlesAreBypassedByOrowanLooping() {
        double[] inc = model.incrementMPa(0.005, 20e-9);
        assertEquals(inc[2], inc[0], 1e-12);
    }

    /*
     * Lever rule: an alloy with x = 0.0018 Sc against (Al) holding 0.0001 and Al3Sc (0.25):
     *   f = (0.0018 − 0.0001)/(0.25 − 0.0001) = 0.0068027 of the atoms in Al3Sc;
     *   volume: 0.0068027·1.03/(0.0068027·1.03 + 0.9931973) = 0.0070054;
     *   Sc in solution share = 0.0001·(1 − 0.0068027)/0.0018 = 0.055178
     */
    @Test
    void leverRuleSplitsScandiumBetweenAluminiumAndAl3Sc() {
        Precipitation.Split s = model.split(0.0018, 0.0001);
        assertEquals(0.0068027, s.al3ScAtomFraction(), 1e-7);
        assertEquals(0.0070054, s.al3ScVolumeFraction(), 1e-7);
        assertEquals(0.055178, s.scInSolutionShare(), 1e-6);
        assertEquals(1.0, model.split(0.00005, 0.0001).scInSolutionShare());
    }

    /*
     * LSW at 325 °C (598.15 K) for 4 h with c_e = 1e-4:
     *   D = 5.3e-4·exp(−173000/(8.314462618·598.15)) = 5.3e-4·exp(−34.78579) = 4.14001e-19 m²/s
     *   K = 8·0.1·D·1e-4·1.03e-5 / (9·8.314462618·598.15·(0.2499)²) = 3.41137e-28/2795.241 = 1.22042e-31 m³/s
     *   r³ = (1e-9)³ + K·14400 = 1e-27 + 1.75740e-27 -> r = 1.40228 nm
     */
    @Test
    void particlesCoarsenWithTheCubeRootOfTime() {
        assertEquals(4.14001e-19, model.diffusivity("Sc", 325), 0.00001e-19);
        assertEquals(1.40228e-9, model.radiusM(325, 4, 1e-4), 0.00001e-9);
    }
}
