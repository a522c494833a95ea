package ca.scalloy.ui.batch;

import java.util.List;
import java.util.Locale;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import ca.scalloy.engine.Quantities;
import ca.scalloy.ui.common.CanvasChart;

/**
 * One row per target element: its min–max band, its aim and the product's value, each row on its
 * own scale so that a 0.1 % band and a 4 % band are equally readable. A value outside its band is
 * drawn red and, when far outside, pinned to the edge with an arrow.
 */
final class BandChart extends CanvasChart {

    private static final double ROW_HEIGHT_PX = 30;
    private static final double LABEL_WIDTH_PX = 42;
    private static final double VALUE_WIDTH_PX = 86;
    private static final Color BAND = Color.web("#cfe3f5");
    private static final Color BAND_EDGE = Color.web("#5b8db8");
    private static final Color PASS = Color.web("#1f7a3a");
    private static final Color FAIL = Color.web("#c0392b");

    private List<CompositionRow> rows = List.of();
    private Quantities quantities = Quantities.of(Locale.CANADA);

    /** Draws the targeted rows of {@code all}, each value in the plant's unit for its element ({@code q}). */
    void show(List<CompositionRow> all, Quantities q) {
        rows = all.stream().filter(CompositionRow::targeted).toList();
        quantities = q;
        dataChanged();
    }

    @Override
    protected double computePrefHeight(double width) {
        return Math.max(1, rows.size()) * ROW_HEIGHT_PX + 8;
    }

    @Override
    protected double computePrefWidth(double height) {
        return 320;
    }

    @Override
    protected void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        g.clearRect(0, 0, w, canvas.getHeight());
        double x0 = LABEL_WIDTH_PX;
        double x1 = w - VALUE_WIDTH_PX;
        if (x1 - x0 < 40) {
            return;
        }
        g.setFont(Font.font(12));
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < rows.size(); i++) {
            drawRow(g, rows.get(i), 4 + i * ROW_HEIGHT_PX, x0, x1);
        }
    }

    private void drawRow(GraphicsContext g, CompositionRow r, double top, double x0, double x1) {
        double mid = top + ROW_HEIGHT_PX / 2;
        double lo = r.minWtPct() != null ? r.minWtPct() : 0;
        double hi = r.maxWtPct() != null ? r.maxWtPct() : Math.max(lo * 2, r.valueWtPct() * 1.2);
        double span = Math.max(hi - lo, 1e-9);
        // The band takes the middle 60 % of the row; the margins show how far outside a value lies.
        double from = lo - span / 3;
        double to = hi + span / 3;
        double scale = (x1 - x0) / (to - from);
        double bx0 = x0 + (lo - from) * scale;
        double bx1 = x0 + (hi - from) * scale;

        g.setFill(Color.web("#333"));
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(r.element(), 4, mid);

        g.setStroke(Color.web("#bbb"));
        g.setLineWidth(1);
        g.strokeLine(x0, mid, x1, mid);
        g.setFill(BAND);
        g.fillRect(bx0, mid - 8, bx1 - bx0, 16);
        g.setStroke(BAND_EDGE);
        if (r.minWtPct() != null) {
            g.strokeLine(bx0, mid - 9, bx0, mid + 9);
        }
        if (r.maxWtPct() != null) {
            g.strokeLine(bx1, mid - 9, bx1, mid + 9);
        }
        if (r.aimWtPct() != null) {
            double ax = x0 + (r.aimWtPct() - from) * scale;
            g.setStroke(BAND_EDGE);
            g.setLineDashes(3, 2);
            g.strokeLine(ax, mid - 8, ax, mid + 8);
            g.setLineDashes();
        }
        Color c = r.within() ? PASS : FAIL;
        double vx = x0 + (r.valueWtPct() - from) * scale;
        g.setFill(c);
        if (vx < x0 || vx > x1) {
            double edge = vx < x0 ? x0 : x1;
            double dir = vx < x0 ? -1 : 1;
            g.fillPolygon(new double[] {edge, edge - dir * 9, edge - dir * 9}, new double[] {mid, mid - 6, mid + 6}, 3);
        } else {
            g.fillOval(vx - 5, mid - 5, 10, 10);
        }
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(r.valueText(quantities), canvas.getWidth() - 6, mid);
    }
}
