package ca.scalloy.io;

import java.util.List;

import ca.scalloy.engine.heat.SampleAnalysis;

/**
 * What a spectrometer export gave: the samples, and the import log.
 *
 * @param instrument the instrument named in the file's preamble, or ""
 * @param mapping    the column mapping used (to remember for this instrument)
 * @param samples    the samples, in file order
 * @param warnings   what was ignored or assumed (unknown columns, values below detection limit …)
 * @param log        one line per step of the import, for the record
 */
public record SpectrometerImport(String instrument, ColumnMapping mapping, List<SampleAnalysis> samples,
                                 List<String> warnings, List<String> log) {

    public SpectrometerImport {
        samples = List.copyOf(samples);
        warnings = List.copyOf(warnings);
        log = List.copyOf(log);
    }
}
