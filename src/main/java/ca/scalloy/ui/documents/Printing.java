package ca.scalloy.ui.documents;

import java.awt.image.BufferedImage;
import java.util.List;

/** Prints page images; the application uses {@link FxPrinting}, view-model tests a fake. */
public interface Printing {

    /** How a print request ended. */
    enum Outcome {
        /** The pages went to the printer. */
        PRINTED,
        /** The user closed the print dialog. */
        CANCELLED,
        /** There is no printer (no print service, e.g. no CUPS). */
        NO_PRINTER,
        /** The printer refused the job. */
        FAILED
    }

    /**
     * Asks the user for a printer and prints {@code pages}, each scaled to the printable area.
     *
     * @param jobName what the print queue calls the job
     */
    Outcome print(String jobName, List<BufferedImage> pages);
}
