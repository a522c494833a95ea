package ca.scalloy.engine.doc;

import java.util.List;
import java.util.Objects;

import ca.scalloy.engine.heat.HeatSample;
import ca.scalloy.engine.heat.SampleAnalysis;
import ca.scalloy.engine.heat.SampleCheck;
import ca.scalloy.engine.spec.Specification;

/**
 * A certificate of analysis in the manner of an EN 10204 type 3.1 inspection certificate: who
 * issues it, for which customer, order and product, the heat and lot, the measured composition
 * against the agreed specification with method and unit, the statement of compliance and the
 * authorised signature.
 *
 * <p>It quotes the final sample with the verdict and element checks the sample got when it was entered
 * ({@link ca.scalloy.engine.heat.SampleChecker}: the same verdicts the heat screen and the commands show).
 * It states compliance only when every limited element was measured (or settled by its detection limit)
 * and none fails; otherwise it cannot be made unless a concession (dérogation) with its reason is
 * recorded: {@link #issue} refuses, naming what fails and what was not reported.
 *
 * @param issuer             issuing company and address
 * @param certificateNumber  the certificate's number
 * @param certificateType    "3.1" (or "2.2", "3.2")
 * @param customer           customer
 * @param order              customer's order and line
 * @param product            product and form (e.g. "AlSc2 master alloy, waffle plate")
 * @param quantityKg         quantity delivered, kg
 * @param pieces             number of pieces, or null
 * @param heatNumber         the heat
 * @param lot                the lot, or ""
 * @param finalSample        the final sample certified, with its stored verdict and checks
 * @param specification      the agreed specification it was checked against
 * @param concessionReason   the reason of a recorded concession, or null when none
 * @param samplingStandard   sampling and test standards (e.g. "EN 14361; ASTM E1251")
 * @param laboratory         laboratory and its accreditation
 * @param signatory          name of the authorised signatory
 * @param signatoryRole      role (independent of production)
 * @param date               date of issue (ISO)
 */
public record CertificateOfAnalysis(String issuer, String certificateNumber, String certificateType, String customer, String order,
                                    String product, double quantityKg, Integer pieces, String heatNumber, String lot,
                                    HeatSample finalSample, Specification specification, String concessionReason,
                                    String samplingStandard, String laboratory, String signatory, String signatoryRole,
                                    String date) {

    public CertificateOfAnalysis {
        Objects.requireNonNull(finalSample, "finalSample");
        Objects.requireNonNull(specification, "specification");
        if (certificateNumber == null || certificateNumber.isBlank()) {
            throw new IllegalArgumentException("certificateNumber must not be blank");
        }
        if (heatNumber == null || heatNumber.isBlank()) {
            throw new IllegalArgumentException("heatNumber must not be blank");
        }
        if (!Double.isFinite(quantityKg) || quantityKg <= 0) {
            throw new IllegalArgumentException("quantityKg must be a number > 0, was " + quantityKg);
        }
        if (signatory == null || signatory.isBlank()) {
            throw new IllegalArgumentException("signatory must not be blank: a certificate needs an authorised signature");
        }
        certificateType = certificateType == null || certificateType.isBlank() ? "3.1" : certificateType;
        lot = Objects.requireNonNullElse(lot, "");
        customer = Objects.requireNonNullElse(customer, "");
        order = Objects.requireNonNullElse(order, "");
        product = Objects.requireNonNullElse(product, "");
        samplingStandard = Objects.requireNonNullElse(samplingStandard, "");
        laboratory = Objects.requireNonNullElse(laboratory, "");
        signatoryRole = Objects.requireNonNullElse(signatoryRole, "");
        date = Objects.requireNonNullElse(date, "");
        boolean noConcession = concessionReason == null || concessionReason.isBlank();
        List<String> failing = failing(finalSample);
        if (!failing.isEmpty() && noConcession) {
            throw new IllegalArgumentException("heat " + heatNumber + ": the final analysis fails " + specification.name()
                    + " (" + String.join(", ", failing) + "); a certificate needs a recorded concession with its reason");
        }
        List<String> missing = unmeasured(finalSample);
        if (!missing.isEmpty() && noConcession) {
            throw new IllegalArgumentException("heat " + heatNumber + ": the final analysis does not report " + String.join(", ", missing)
                    + ", limited by " + specification.name() + "; measure them or record a concession with its reason");
        }
    }

    /** The final sample's analysis. */
    public SampleAnalysis finalAnalysis() {
        return finalSample.analysis();
    }

    /** Whether the certificate states compliance (every limited element judged and inside; no concession needed). */
    public boolean compliant() {
        return finalSample.meetsSpecification();
    }

    /**
     * The limited elements the final analysis does not settle (not reported, "n.d." with no limit, or a detection
     * limit above the maximum): a certificate states no value for them.
     */
    public List<String> unmeasuredElements() {
        return unmeasured(finalSample);
    }

    private static List<String> unmeasured(HeatSample s) {
        return s.unjudged().stream().map(SampleCheck::element).toList();
    }

    /**
     * Issues a certificate, checking what {@link CertificateOfAnalysis} requires.
     *
     * @throws IllegalArgumentException naming the failing or unreported elements when no concession is given
     */
    public static CertificateOfAnalysis issue(String issuer, String number, String customer, String order, String product,
                                              double quantityKg, Integer pieces, String heatNumber, String lot,
                                              HeatSample finalSample, Specification specification, String concessionReason,
                                              String samplingStandard, String laboratory, String signatory, String role,
                                              String date) {
        return new CertificateOfAnalysis(issuer, number, "3.1", customer, order, product, quantityKg, pieces, heatNumber, lot,
                finalSample, specification, concessionReason, samplingStandard, laboratory, signatory, role, date);
    }

    /** The failing elements, as "Fe 0.16 %" (or "Sc &lt;1.5 %" for a detection limit under the minimum). */
    private static List<String> failing(HeatSample s) {
        return s.failures().stream()
                .map(e -> e.element() + " " + (e.reading() == SampleCheck.Reading.BELOW_LIMIT ? "<" : "") + e.valuePct() + " %").toList();
    }
}
