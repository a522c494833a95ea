package ca.scalloy.io;

import java.util.List;

import ca.scalloy.engine.Message;
import ca.scalloy.engine.heat.SampleAnalysis;

/**
 * What a spectrometer export gave: the samples, and the import log.
 *
 * @param instrument      the instrument named in the file's preamble, or ""
 * @param mapping         the column mapping used (to remember for this instrument)
 * @param samples         the samples, in file order
 * @param warningMessages what was ignored or assumed (unknown columns, values below detection limit …), as codes
 *                        and arguments for the workbench
 * @param logMessages     one message per step of the import, for the record
 */
public record SpectrometerImport(String instrument, ColumnMapping mapping, List<SampleAnalysis> samples,
                                 List<Message> warningMessages, List<Message> logMessages) {

    public SpectrometerImport {
        samples = List.copyOf(samples);
        warningMessages = List.copyOf(warningMessages);
        logMessages = List.copyOf(logMessages);
    }

    /** The warnings in English, as the command line prints them and the heat's record keeps them. */
    public List<String> warnings() {
        return Message.english(warningMessages);
    }

    /** The log in English, as the command line prints it and the heat's record keeps it. */
    public List<String> log() {
        return Message.english(logMessages);
    }
}
