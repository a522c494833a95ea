package ca.scalloy.engine.heat;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import ca.scalloy.engine.MessageException;

/**
 * A delivered lot of a material with its certificate assay, which a heat's charge uses in place of
 * the material's nominal composition.
 *
 * @param lotNumber    the supplier's or the plant's lot number, not blank
 * @param materialId   the library material it is a lot of
 * @param assayWtPct   the certificate's wt% per element (non-balance elements of a metallic material);
 *                     may be empty for a compound
 * @param purityPct    a compound's certified purity, wt% (0, 100], or null to keep the nominal one
 * @param certificate  the certificate's reference (number, file), or ""
 * @param receivedAt   when the lot was received
 */
public record Lot(String lotNumber, String materialId, Map<String, Double> assayWtPct, Double purityPct, String certificate,
                  Instant receivedAt) {

    public Lot {
        if (lotNumber == null || lotNumber.isBlank()) {
            throw new MessageException("heats.refusal.lotNumberBlank", "lotNumber must not be blank").at("lotNumber");
        }
        if (materialId == null || materialId.isBlank()) {
            throw new MessageException("heats.refusal.lotMaterialBlank", lotNumber + ": materialId must not be blank", lotNumber).at("materialId");
        }
        assayWtPct = SampleAnalysis.checkedWtPct(lotNumber, assayWtPct);
        if (purityPct != null && (!Double.isFinite(purityPct) || purityPct <= 0 || purityPct > 100)) {
            throw new MessageException("heats.refusal.lotPurityRange", lotNumber + ": purityPct must be in (0, 100], was " + purityPct, lotNumber,
                    purityPct).at("purityPct");
        }
        certificate = Objects.requireNonNullElse(certificate, "");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
