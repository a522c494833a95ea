package ca.scalloy.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import ca.scalloy.engine.charge.ChargeCalculator;
import ca.scalloy.engine.charge.ChargeResult;
import ca.scalloy.engine.charge.Recipe;
import ca.scalloy.engine.doc.BatchSheet;
import ca.scalloy.engine.doc.CertificateOfAnalysis;
import ca.scalloy.engine.doc.SheetHeader;
import ca.scalloy.engine.heat.HeatSample;
import ca.scalloy.engine.heat.SampleAnalysis;
import ca.scalloy.engine.heat.SampleChecker;
import ca.scalloy.engine.spec.ElementLimit;
import ca.scalloy.engine.spec.Specification;
import ca.scalloy.io.BatchSheetPdf;
import ca.scalloy.io.CertificatePdf;
import ca.scalloy.io.RecipeFiles;
import ca.scalloy.solver.OjalgoSolver;

/**
 * Time to render a batch sheet and a certificate of analysis to PDF bytes once the app is warm
 * (fonts embedded, text laid out, file not written). Target: under 300 ms each.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class DocumentsBenchmark {

    private BatchSheet sheet;
    private CertificateOfAnalysis certificate;

    @Setup
    public void setUp() throws Exception {
        Recipe recipe = RecipeFiles.read(Path.of("recipes/alsc2zr1-k2zrf6.json"));
        ChargeResult charge = new ChargeCalculator(new OjalgoSolver()).solve(recipe);
        sheet = BatchSheet.of(SheetHeader.blank("Scandium Québec inc.", "Saguenay QC", "BS-1"), recipe, charge, 50);
        Specification spec = new Specification("AlSc2", "MASTER_ALLOY", "A", List.of(new ElementLimit("Sc", 1.8, 2.2),
                new ElementLimit("Fe", null, 0.15), new ElementLimit("Si", null, 0.10)), 0.03, 0.10, List.of(), "", "est");
        Map<String, Double> measured = Map.of("Sc", 1.97, "Fe", 0.10, "Si", 0.05, "Cu", 0.003);
        certificate = CertificateOfAnalysis.issue("Scandium Québec inc.\nSaguenay QC", "COA-1", "AeroParts", "PO-1", "AlSc2", 1000,
                88, "H-2026-0001", "L-1", judged(new SampleAnalysis("F", "2026-11-27T10:00", "ICP-OES", measured), spec), spec, null,
                "EN 14361", "Lab", "J. Gagnon",
                "Quality", "2026-11-27");
    }

    private static HeatSample judged(SampleAnalysis a, Specification spec) {
        SampleChecker.Result r = new SampleChecker().check(a, spec, "Al");
        return new HeatSample(a, "ICP", false, r.verdict(), r.checks(), "lab", java.time.Instant.EPOCH, false);
    }

    @Benchmark
    public byte[] batchSheetFrench() {
        return BatchSheetPdf.render(sheet, Locale.CANADA_FRENCH, BatchSheetPdf.Paper.A4);
    }

    @Benchmark
    public byte[] certificateEnglish() {
        return CertificatePdf.render(certificate, Locale.ENGLISH, BatchSheetPdf.Paper.LETTER);
    }
}
