package ca.scalloy.ui.properties;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import javafx.geometry.Bounds;
import javafx.geometry.VPos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;

/**
 * Draws a {@link Plot}: its curves, guide lines, marked points with their labels (spread apart so
 * that they do not overlap), the legend and the footnote naming the model and the data. The
 * placeholder says why there is nothing yet.
 */
final class PlotChart extends XyChart {

    private static final double LEFT_PX = 78;
    private static final double RIGHT_PX = 28;
    /** A legend beside the plot wraps its notes to this width, px. */
    private static final double BESIDE_NOTE_WRAP_PX = 250;
    private static final double TOP_PX = 46;
    private static final double BOTTOM_PX = 104;
    private static final Color GUIDE = Color.web("#5a6772");

    private Plot plot;
    private String placeholder = "";

    PlotChart(Locale locale) {
        super(locale);
        getStyleClass().add("plot-chart");
    }

    /** Shows {@code p}, or {@code whyNot} when {@code p} is null. */
    void show(Plot p, String whyNot) {
        plot = p;
        placeholder = whyNot == null ? "" : whyNot;
        dataChanged();
    }

    @Override
    protected void draw() {
        if (plot == null) {
            Text t = text(placeholder, 24, 32, LABEL_FONT, NOTE);
            t.setWrappingWidth(Math.max(100, getWidth() - 48));
            t.setId("chartPlaceholder");
            getChildren().add(t);
            return;
        }
        Plot p = plot;
        List<LegendEntry> legend = new ArrayList<>();
        List<List<Plot.XY>> drawn = new ArrayList<>();
        for (Plot.Curve c : p.curves()) {
            drawn.add(c.points());
            if (!c.label().isEmpty()) {
                legend.add(new LegendEntry(c.label(), colour(c.colour()), c.bold() ? 3.2 : 2.0, c.dashed(), false));
            }
        }
        LegendBlock block = legendBlock(legend, p.notes());
        double bottomPx = bottomFor(p.footnote(), LEFT_PX, RIGHT_PX, BOTTOM_PX);
        start(LEFT_PX, TOP_PX, RIGHT_PX, bottomPx, p.x(), p.y());
        // A legend that would hide some curve in every corner (the ageing chart's six temperatures) goes
        // beside the plot instead, when the plot keeps at least 60 % of the width.
        boolean beside = false;
        if (block != null && hidesInEveryCorner(block, drawn)) {
            // The block measured for a corner stays the one used when the plot cannot spare the width: measured once.
            LegendBlock besideBlock = legendBlock(legend, p.notes(), BESIDE_NOTE_WRAP_PX);
            double rightPx = RIGHT_PX + besideBlock.widthPx() + LEGEND_GAP_PX;
            if (getWidth() - LEFT_PX - rightPx >= 0.6 * getWidth()) {
                getChildren().clear();
                bottomPx = bottomFor(p.footnote(), LEFT_PX, rightPx, BOTTOM_PX);
                start(LEFT_PX, TOP_PX, rightPx, bottomPx, p.x(), p.y());
                block = besideBlock;
                beside = true;
            }
        }
        axes();
        Group curves = clipped();
        for (Plot.Guide g : p.guides()) {
            Line l = g.vertical() ? line(x(g.at()), plotY, x(g.at()), plotY + plotH, GUIDE, 1.2)
                    : line(plotX, y(g.at()), plotX + plotW, y(g.at()), GUIDE, 1.2);
            l.getStrokeDashArray().setAll(4.0, 4.0);
            curves.getChildren().add(l);
        }
        for (Plot.Curve c : p.curves()) {
            Polyline line = polyline(c.points(), colour(c.colour()), c.bold() ? 3.2 : 2.0, c.dashed());
            line.setId("curve-" + c.id());
            curves.getChildren().add(line);
        }
        Bounds legendBox = block == null ? null : place(block, beside ? besidePlot(block) : corner(block, p.legendAt(), drawn));
        guideLabels(p, legendBox);
        markers(p, legendBox);
        title(p.title());
        footnote(p.footnote());
        frame();
    }

    /** A palette colour; a negative index is ink, for what the user asked about. */
    private static Color colour(int index) {
        return index < 0 ? INK : PALETTE.get(index % PALETTE.size());
    }

    /** Each guide's label; a vertical one that would run over the legend goes to the bottom of its line instead. */
    private void guideLabels(Plot p, Bounds legendBox) {
        for (Plot.Guide g : p.guides()) {
            if (g.label().isEmpty()) {
                continue;
            }
            Text t;
            if (g.vertical()) {
                t = text(g.label(), 0, 0, LABEL_FONT, GUIDE);
                t.setTextOrigin(VPos.BOTTOM);
                t.setRotate(-90);
                double w = t.getLayoutBounds().getWidth();
                t.setX(x(g.at()) - w / 2 - 8);
                t.setY(plotY + 14 + w / 2);
                if (legendBox != null && legendBox.intersects(t.getBoundsInParent())) {
                    t.setY(plotY + plotH - 14 - w / 2);
                }
            } else {
                t = text(g.label(), plotX + 6, y(g.at()) - 4, LABEL_FONT, GUIDE);
                t.setTextOrigin(VPos.BOTTOM);
            }
            halo(t);
        }
    }

    /** Each marker, and its label beside it; labels that would overlap are moved down, clear of the legend. */
    private void markers(Plot p, Bounds legendBox) {
        List<Text> labels = new ArrayList<>();
        for (Plot.Marker mk : p.markers()) {
            double px = x(mk.at().x());
            double py = y(mk.at().y());
            if (px < plotX - 1 || px > plotX + plotW + 1 || py < plotY - 1 || py > plotY + plotH + 1) {
                continue;
            }
            Color c = colour(mk.colour());
            Node shape = shape(mk.shape(), px, py, c);
            shape.setId(mk.id());
            getChildren().add(shape);
            if (!mk.label().isEmpty()) {
                Text t = beside(mk.label(), px, py, c);
                t.setFill(c.darker());
                labels.add(t);
            }
        }
        labels.sort(Comparator.comparingDouble(Text::getY));
        List<Bounds> taken = new ArrayList<>();
        if (legendBox != null) {
            taken.add(legendBox);
        }
        for (Text t : labels) {
            for (int tries = 0; tries < 40 && overlaps(t, taken); tries++) {
                t.setY(t.getY() + 8);
            }
            taken.add(t.getBoundsInParent());
            halo(t);
        }
    }

    private static boolean overlaps(Text t, List<Bounds> taken) {
        Bounds b = t.getBoundsInParent();
        for (Bounds o : taken) {
            if (b.intersects(o)) {
                return true;
            }
        }
        return false;
    }

    private static Node shape(Plot.Shape s, double px, double py, Color c) {
        switch (s) {
            case SQUARE: {
                Rectangle r = new Rectangle(px - 5.5, py - 5.5, 11, 11);
                r.setFill(c);
                r.setStroke(Color.WHITE);
                return r;
            }
            case DIAMOND: {
                Polygon d = new Polygon(px, py - 8, px + 8, py, px, py + 8, px - 8, py);
                d.setFill(Color.WHITE);
                d.setStroke(c);
                d.setStrokeWidth(2.4);
                return d;
            }
            default: {
                Circle o = new Circle(px, py, 4.5, c);
                o.setStroke(Color.WHITE);
                return o;
            }
        }
    }
}
