package ca.scalloy.io;

import java.util.List;
import java.util.Map;

import ca.scalloy.engine.charge.ChargeLine;
import ca.scalloy.engine.charge.ChargeResult;

/** A charge result as CSV: the charge lines, then the product composition, then the totals. */
public final class ChargeResultCsv {

    private ChargeResultCsv() {
    }

    /** Fills {@code csv} with the result (column headings in English; units in every heading). */
    public static CsvWriter write(ChargeResult r, String recipeName, CsvWriter csv) {
        csv.row(List.of("recipe", recipeName));
        csv.row(List.of("status", r.status().name()));
        csv.row(List.of());
        csv.row(List.of("materialId", "material", "kind", "massKg", "pieces", "cost", "co2Kg"));
        for (ChargeLine l : r.charge()) {
            csv.row(java.util.Arrays.asList(l.materialId(), l.name(), l.kind().name(), l.massKg(), l.pieces(), l.costTotal(), l.co2Kg()));
        }
        csv.row(List.of());
        csv.row(List.of("element", "productWtPct"));
        for (Map.Entry<String, Double> e : r.productCompositionPct().entrySet()) {
            csv.row(List.of(e.getKey(), e.getValue()));
        }
        csv.row(List.of());
        csv.row(List.of("productMassKg", r.productMassKg()));
        csv.row(List.of("slagKg", r.slagKg()));
        csv.row(List.of("drossKg", r.drossKg()));
        csv.row(List.of("inKg", r.inKg()));
        csv.row(List.of("outKg", r.outKg()));
        csv.row(List.of("costTotal", r.costTotal()));
        csv.row(List.of("costPerKgProduct", r.costPerKgProduct()));
        csv.row(List.of("co2TotalKg", r.co2TotalKg()));
        r.diagnosis().forEach(d -> csv.row(List.of("diagnosis", d.message())));
        return csv;
    }
}
