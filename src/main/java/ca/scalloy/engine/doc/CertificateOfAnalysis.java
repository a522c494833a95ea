package ca.scalloy.engine.doc;

import java.util.List;
import java.util.Objects;

import ca.scalloy.engine.Message;
import ca.scalloy.engine.MessageException;
import ca.scalloy.engine.heat.HeatSample;
import ca.scalloy.engine.heat.SampleAnalysis;
import ca.scalloy.engine.heat.SampleCheck;
import ca.scalloy.engine.spec.ElementCheck;
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
 * recorded: {@link Builder#issue()} refuses, naming what fails and what was not reported.
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
            throw new MessageException("heats.cert.refusal.numberBlank", "certificateNumber must not be blank").at("certificateNumber");
        }
        if (heatNumber == null || heatNumber.isBlank()) {
            throw new MessageException("heats.cert.refusal.heatBlank", "heatNumber must not be blank").at("heatNumber");
        }
        if (!Double.isFinite(quantityKg) || quantityKg <= 0) {
            throw new MessageException("heats.cert.refusal.quantityRange", "quantityKg must be a number > 0, was " + quantityKg, quantityKg)
                    .at("quantityKg");
        }
        if (signatory == null || signatory.isBlank()) {
            throw new MessageException("heats.cert.refusal.signatoryBlank", "signatory must not be blank: a certificate needs an authorised"
                    + " signature").at("signatory");
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
            throw new MessageException("heats.cert.refusal.fails", "heat " + heatNumber + ": the final analysis fails "
                    + specification.name() + " (" + String.join(", ", failing) + "); a certificate needs a recorded concession with its"
                    + " reason", heatNumber, specification.name(), failingWords(finalSample));
        }
        List<String> missing = unmeasured(finalSample);
        if (!missing.isEmpty() && noConcession) {
            throw new MessageException("heats.cert.refusal.unmeasured", "heat " + heatNumber + ": the final analysis does not report "
                    + String.join(", ", missing) + ", limited by " + specification.name() + "; measure them or record a concession with its"
                    + " reason", heatNumber, missing.stream().map(ElementCheck::nameArgument).toList(), specification.name());
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
     * A certificate for {@code heatNumber}'s {@code finalSample} checked against {@code specification}, numbered
     * {@code certificateNumber} and signed by {@code signatory}: set the other fields, then {@link Builder#issue()}.
     */
    public static Builder builder(String certificateNumber, String heatNumber, HeatSample finalSample, Specification specification,
                                  String signatory) {
        return new Builder(certificateNumber, heatNumber, finalSample, specification, signatory);
    }

    /** Gathers a certificate's fields by name (a certificate has eighteen); {@link #issue()} checks them. Not thread-safe. */
    public static final class Builder {
        private final String certificateNumber;
        private final String heatNumber;
        private final HeatSample finalSample;
        private final Specification specification;
        private final String signatory;
        private String issuer = "";
        private String certificateType = "3.1";
        private String customer = "";
        private String order = "";
        private String product = "";
        private double quantityKg = Double.NaN;
        private Integer pieces;
        private String lot = "";
        private String concessionReason;
        private String samplingStandard = "";
        private String laboratory = "";
        private String signatoryRole = "";
        private String date = "";

        private Builder(String certificateNumber, String heatNumber, HeatSample finalSample, Specification specification, String signatory) {
            this.certificateNumber = certificateNumber;
            this.heatNumber = heatNumber;
            this.finalSample = finalSample;
            this.specification = specification;
            this.signatory = signatory;
        }

        /** Issuing company and address. */
        public Builder issuer(String v) {
            issuer = v;
            return this;
        }

        /** "3.1" (the default), "2.2" or "3.2". */
        public Builder certificateType(String v) {
            certificateType = v;
            return this;
        }

        public Builder customer(String v) {
            customer = v;
            return this;
        }

        /** Customer's order and line. */
        public Builder order(String v) {
            order = v;
            return this;
        }

        /** Product and form, e.g. "AlSc2 master alloy, waffle plate". */
        public Builder product(String v) {
            product = v;
            return this;
        }

        /** Quantity delivered, kg (required, &gt; 0). */
        public Builder quantityKg(double v) {
            quantityKg = v;
            return this;
        }

        /** Number of pieces, or null. */
        public Builder pieces(Integer v) {
            pieces = v;
            return this;
        }

        public Builder lot(String v) {
            lot = v;
            return this;
        }

        /** The reason of a recorded concession (dérogation), or null when none. */
        public Builder concessionReason(String v) {
            concessionReason = v;
            return this;
        }

        /** Sampling and test standards, e.g. "EN 14361; ASTM E1251". */
        public Builder samplingStandard(String v) {
            samplingStandard = v;
            return this;
        }

        /** Laboratory and its accreditation. */
        public Builder laboratory(String v) {
            laboratory = v;
            return this;
        }

        /** The signatory's role (independent of production). */
        public Builder signatoryRole(String v) {
            signatoryRole = v;
            return this;
        }

        /** Date of issue (ISO). */
        public Builder date(String v) {
            date = v;
            return this;
        }

        /**
         * The certificate, checked as {@link CertificateOfAnalysis} requires.
         *
         * @throws IllegalArgumentException naming the failing or unreported elements when no concession is given,
         *                                  or the field that is missing or out of range
         */
        public CertificateOfAnalysis issue() {
            return new CertificateOfAnalysis(issuer, certificateNumber, certificateType, customer, order, product, quantityKg, pieces,
                    heatNumber, lot, finalSample, specification, concessionReason, samplingStandard, laboratory, signatory,
                    signatoryRole, date);
        }
    }

    /** {@link #failing} as messages, for the workbench to word each value in the user's style. */
    private static List<Message> failingWords(HeatSample s) {
        return s.failures().stream().map(e -> e.reading() == SampleCheck.Reading.BELOW_LIMIT
                ? Message.of("heats.cert.refusal.failingBelow", e.element() + " <" + e.valuePct() + " %", ElementCheck.nameArgument(e.element()),
                        e.valuePct())
                : Message.of("heats.cert.refusal.failingValue", e.element() + " " + e.valuePct() + " %", ElementCheck.nameArgument(e.element()),
                        e.valuePct())).toList();
    }

    /** The failing elements, as "Fe 0.16 %" (or "Sc &lt;1.5 %" for a detection limit under the minimum). */
    private static List<String> failing(HeatSample s) {
        return s.failures().stream()
                .map(e -> e.element() + " " + (e.reading() == SampleCheck.Reading.BELOW_LIMIT ? "<" : "") + e.valuePct() + " %").toList();
    }
}
