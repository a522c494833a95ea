package ca.scalloy.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import ca.scalloy.store.SettingsRepository;

/** The company logo named by the {@code company.logo} setting, for the documents' title block. */
final class CompanyLogo {

    private CompanyLogo() {
    }

    /** The logo's bytes, or null when none is set; a logo that cannot be read is warned about and left out. */
    static byte[] read(SettingsRepository settings, PrintWriter err) {
        Optional<String> path = settings.get(SettingsRepository.COMPANY_LOGO);
        if (path.isEmpty() || path.get().isBlank()) {
            return null;
        }
        try {
            return Files.readAllBytes(Path.of(path.get()));
        } catch (IOException | RuntimeException e) {
            err.println("scalloy: warning: the company.logo " + path.get() + " cannot be read; the document is printed without it");
            return null;
        }
    }
}
