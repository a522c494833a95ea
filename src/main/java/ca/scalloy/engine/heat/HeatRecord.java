package ca.scalloy.engine.heat;

import java.util.List;

/**
 * Everything kept on a heat: its charge lines, samples with their verdicts, corrections, status
 * moves and import logs, each oldest first.
 */
public record HeatRecord(Heat heat, List<HeatLine> lines, List<HeatSample> samples, List<HeatCorrection> corrections,
                         List<StatusMove> moves, List<SampleImportLog> imports) {

    public HeatRecord {
        lines = List.copyOf(lines);
        samples = List.copyOf(samples);
        corrections = List.copyOf(corrections);
        moves = List.copyOf(moves);
        imports = List.copyOf(imports);
    }
}
