package ca.scalloy.ui.documents;

import java.awt.image.BufferedImage;
import java.util.List;

import javafx.embed.swing.SwingFXUtils;
import javafx.print.PageLayout;
import javafx.print.PrinterJob;
import javafx.scene.image.ImageView;
import javafx.stage.Window;

/** {@link Printing} through JavaFX: the system print dialog, then each page image scaled to the printable area. */
public final class FxPrinting implements Printing {

    private final Window owner;

    public FxPrinting(Window owner) {
        this.owner = owner;
    }

    @Override
    public Outcome print(String jobName, List<BufferedImage> pages) {
        // With no print service (e.g. no CUPS) there is no job to create.
        PrinterJob job = PrinterJob.createPrinterJob();
        if (job == null) {
            return Outcome.NO_PRINTER;
        }
        job.getJobSettings().setJobName(jobName);
        if (!job.showPrintDialog(owner)) {
            job.cancelJob();
            return Outcome.CANCELLED;
        }
        PageLayout layout = job.getJobSettings().getPageLayout();
        for (BufferedImage page : pages) {
            ImageView view = new ImageView(SwingFXUtils.toFXImage(page, null));
            view.setPreserveRatio(true);
            view.setSmooth(true);
            view.setFitWidth(layout.getPrintableWidth());
            view.setFitHeight(layout.getPrintableHeight());
            if (!job.printPage(view)) {
                job.cancelJob();
                return Outcome.FAILED;
            }
        }
        return job.endJob() ? Outcome.PRINTED : Outcome.FAILED;
    }
}
