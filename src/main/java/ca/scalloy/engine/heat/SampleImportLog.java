package ca.scalloy.engine.heat;

import java.time.Instant;
import java.util.List;

/**
 * The log of one spectrometer import into a heat.
 *
 * @param fileName   the file imported
 * @param instrument the instrument named in the file or given, or ""
 * @param log        what the importer did, line by line
 * @param warnings   what it warned of (unknown columns, values below detection)
 * @param by         who imported it
 * @param at         when
 */
public record SampleImportLog(String fileName, String instrument, List<String> log, List<String> warnings, String by,
                              Instant at) {

    public SampleImportLog {
        log = List.copyOf(log);
        warnings = List.copyOf(warnings);
    }
}
