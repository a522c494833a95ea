package ca.scalloy.engine.doc;

import java.util.List;
import java.util.Objects;

import ca.scalloy.engine.heat.SampleAnalysis;
import ca.scalloy.engine.spec.ComplianceReport;

/**
 * A certificate of analysis in the manner of an EN 10204 type 3.1 inspection certificate: who
 * issues it, for which customer, order and product, the heat and lot, the measured composition
 * against the agreed specification with method and unit, the statement of compliance and the
 * authorised signature.
 *
 * <p>It cannot be made for a final analysis that fails its specification unless a concession
 * (dérogation) with its reason is recorded: {@link #issue} refuses.
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
 * @param finalAnalysis      the final analysis certified
 * @param compliance         that analysis checked against the agreed specification
 * @param concessionReason   the reason of a recorded concession, or null when none
 * @param samplingStandard   sampling and test standards (e.g. "EN 14361; ASTM E1251")
 * @param laboratory         laboratory and its accreditation
 * @param signatory          name of the authorised signatory
 * @param signatoryRole      role (independent of production)
 * @param date               date of issue (ISO)
 */
public record CertificateOfAnalysis(String issuer, String certificateNumber, String certificateType, String customer, String order,
                                    String product, double quantityKg, Integer pieces, String heatNumber, String lot,
                                    SampleAnalysis finalAnalysis, ComplianceReport compliance, String concessionReason,
                                    String samplingStandard, String laboratory, String signatory, String signatoryRole,
                                    String date) {

    public CertificateOfAnalysis {
        Objects.requireNonNull(finalAnalysis, "finalAnalysis");
        Objects.requireNonNull(compliance, "compliance");
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
        if (!failing(finalAnalysis, compliance).isEmpty() && noConcession) {
            throw new IllegalArgumentException("heat " + heatNumber + ": the final analysis fails " + compliance.specification().name()
                    + " (" + String.join(", ", failing(finalAnalysis, compliance)) + "); a certificate needs a recorded concession with its reason");
        }
        List<String> missing = unmeasured(finalAnalysis, compliance);
        if (!missing.isEmpty() && noConcession) {
            throw new IllegalArgumentException("heat " + heatNumber + ": the final analysis does not report " + String.join(", ", missing)
                    + ", limited by " + compliance.specification().name() + "; measure them or record a concession with its reason");
        }
    }

    /** Whether the certificate states compliance (every limited element measured and inside; no concession needed). */
    public boolean compliant() {
        return failing(finalAnalysis, compliance).isEmpty() && unmeasuredElements().isEmpty();
    }

    /**
     * The elements the specification limits that the final analysis does not report: a certificate
     * must not state a value for them (the compliance check counts an absent element as 0 %).
     */
    public List<String> unmeasuredElements() {
        return unmeasured(finalAnalysis, compliance);
    }

    private static List<String> unmeasured(SampleAnalysis analysis, ComplianceReport report) {
        return report.specification().limits().stream().map(l -> l.element())
                .filter(e -> !analysis.wtPct().containsKey(e)).toList();
    }

    /**
     * Issues a certificate, checking what {@link CertificateOfAnalysis} requires.
     *
     * @throws IllegalArgumentException naming the failing elements when the analysis fails and no concession is given
     */
    public static CertificateOfAnalysis issue(String issuer, String number, String customer, String order, String product,
                                              double quantityKg, Integer pieces, String heatNumber, String lot,
                                              SampleAnalysis finalAnalysis, ComplianceReport compliance, String concessionReason,
                                              String samplingStandard, String laboratory, String signatory, String role,
                                              String date) {
        return new CertificateOfAnalysis(issuer, number, "3.1", customer, order, product, quantityKg, pieces, heatNumber, lot,
                finalAnalysis, compliance, concessionReason, samplingStandard, laboratory, signatory, role, date);
    }

    /** The measured elements outside their limits, as "Fe 0.16 %". */
    private static List<String> failing(SampleAnalysis analysis, ComplianceReport r) {
        List<String> missing = unmeasured(analysis, r);
        return r.failures().stream().filter(e -> !missing.contains(e.element()))
                .map(e -> e.element() + " " + e.valuePct() + " %").toList();
    }
}
