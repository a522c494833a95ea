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
}
