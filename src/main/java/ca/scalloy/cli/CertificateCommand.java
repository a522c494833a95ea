package ca.scalloy.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import ca.scalloy.engine.Quantities;
import ca.scalloy.engine.doc.CertificateOfAnalysis;
import ca.scalloy.io.BatchSheetPdf;
import ca.scalloy.io.CertificatePdf;
import ca.scalloy.store.CertificateRepository;
import ca.scalloy.store.Database;
import ca.scalloy.store.SettingsRepository;
import ca.scalloy.store.StoreException;

/**
 * {@code scalloy certificate HEAT --out coa.pdf [--lang en|fr]}: issues and prints the certificate of
 * analysis of a cast heat. Refused (exit 3) for a failing final analysis unless {@code --concession}
 * records the reason.
 */
@Command(name = "certificate", mixinStandardHelpOptions = true,
        description = "Issue the certificate of analysis (EN 10204 3.1 manner) of a cast heat as PDF.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:issued and written", "2:invalid input, unknown or uncast heat, or the file cannot be written",
            "3:the final analysis fails its specification and no concession was given"})
final class CertificateCommand extends StoreCommand {

    @Parameters(index = "0", paramLabel = "HEAT", description = "The heat number.")
    String heat;

    @Option(names = "--out", required = true, paramLabel = "PDF", description = "The PDF to write.")
    Path out;

    @picocli.CommandLine.Mixin
    Overwrite overwrite = new Overwrite();

    @Option(names = "--lang", paramLabel = "en|fr", description = "Document language (default: the documents.language setting, else en).")
    String lang;

    @Option(names = "--paper", paramLabel = "A4|LETTER", description = "Paper size (default A4).")
    BatchSheetPdf.Paper paper = BatchSheetPdf.Paper.A4;

    @Option(names = "--customer", paramLabel = "NAME", description = "Customer.")
    String customer = "";

    @Option(names = "--order", paramLabel = "ORDER", description = "Customer's order and line.")
    String order = "";

    @Option(names = "--product", paramLabel = "TEXT", description = "Product and form, e.g. \"AlSc2 master alloy, waffle plate\".")
    String product = "";

    @Option(names = "--quantity-kg", paramLabel = "KG", description = "Quantity delivered (default: the cast mass, else the planned mass).")
    Double quantityKg;

    @Option(names = "--pieces", paramLabel = "N", description = "Pieces delivered (default: the cast pieces).")
    Integer pieces;

    @Option(names = "--concession", paramLabel = "REASON", description = "Concession agreed for a failing analysis (recorded and audited).")
    String concession;

    @Option(names = "--signatory", paramLabel = "NAME", description = "Authorised signatory (default: the user).")
    String signatory;

    @Option(names = "--role", paramLabel = "ROLE", description = "The signatory's role.")
    String role = "Quality";

    @Option(names = "--standards", paramLabel = "TEXT", description = "Sampling and test standards.")
    String standards = "";

    @Option(names = "--laboratory", paramLabel = "TEXT", description = "Laboratory and accreditation.")
    String laboratory = "";

    @Override
    int run(Database database) {
        if (!overwrite.allows(out, "--out", err())) {
            return ScalloyCli.INVALID_INPUT;
        }
        String language = lang != null ? lang : database.settings().get(SettingsRepository.DOCUMENT_LANGUAGE, "en");
        if (!language.equals("en") && !language.equals("fr")) {
            err().println("scalloy: --lang must be en or fr, was " + language);
            return ScalloyCli.INVALID_INPUT;
        }
        if (quantityKg != null && (!Double.isFinite(quantityKg) || quantityKg <= 0)) {
            err().println("scalloy: --quantity-kg must be a number > 0, was " + quantityKg);
            return ScalloyCli.INVALID_INPUT;
        }
        CertificateOfAnalysis coa;
        try {
            coa = database.certificates().issue(heat, new CertificateRepository.Request(customer, order, product, quantityKg, pieces,
                    concession, standards, laboratory, signatory, role));
        } catch (StoreException e) {
            err().println("scalloy: " + e.getMessage());
            return e.getMessage().contains("concession") ? ScalloyCli.INFEASIBLE : ScalloyCli.INVALID_INPUT;
        }
        try {
            // The plant's currency and ppm elements, as the workbench prints them.
            Quantities units = database.settings().plantUnits(Quantities.of(Locale.forLanguageTag(language)));
            CertificatePdf.write(coa, units, paper, CompanyLogo.read(database.settings(), err()), out);
        } catch (IOException e) {
            err().println("scalloy: " + out + ": cannot be written (" + e.getMessage() + "); certificate " + coa.certificateNumber()
                    + " is recorded: run the command again to print it");
            return ScalloyCli.INVALID_INPUT;
        }
        out().println(coa.certificateNumber() + " -> " + out);
        return ScalloyCli.OK;
    }
}
