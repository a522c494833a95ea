package ca.scalloy.ui.properties;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.geometry.Bounds;
import javafx.geometry.VPos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

import ca.scalloy.ui.common.Numbers;

/**
 * A chart drawn with shapes, like a figure in a paper: white ground, a framed plot area with ticks,
 * grid and axis titles (linear or logarithmic), a title above, a footnote below, and a legend in a
 * corner. Subclasses draw their data in {@link #draw()} with the helpers here; every redraw starts from
 * nothing, so the chart is always what its data say at its size.
 */
abstract class XyChart extends Region {

    static final Color INK = Color.web("#1d2731");
    static final Color GRID = Color.web("#e6eaee");
    static final Color MINOR_GRID = Color.web("#f2f4f6");
    static final Color NOTE = Color.web("#5a6772");
    static final Font TICK_FONT = Font.font(12);
    static final Font LABEL_FONT = Font.font(12);
    static final Font AXIS_FONT = Font.font(null, FontWeight.BOLD, 13);
    static final Font TITLE_FONT = Font.font(null, FontWeight.BOLD, 15);
    /** Colours told apart in print and by most colour-blind readers (Tableau 10). */
    static final List<Color> PALETTE = List.of(Color.web("#1f77b4"), Color.web("#d62728"), Color.web("#2ca02c"), Color.web("#ff7f0e"),
            Color.web("#9467bd"), Color.web("#8c564b"), Color.web("#e377c2"), Color.web("#17becf"), Color.web("#7f7f7f"),
            Color.web("#bcbd22"));

    /** An entry of the legend: a line (dashed or not) or a shaded band, and its words. */
    record LegendEntry(String label, Color colour, double widthPx, boolean dashed, boolean band) {
    }

    private final Locale locale;
    protected double plotX;
    protected double plotY;
    protected double plotW;
    protected double plotH;
    private Plot.Axis xAxis;
    private Plot.Axis yAxis;
    private boolean changed = true;
    private double drawnWidth = -1;
    private double drawnHeight = -1;

    XyChart(Locale locale) {
        this.locale = locale;
        setMinSize(420, 320);
    }

    Locale locale() {
        return locale;
    }

    @Override
    protected double computePrefWidth(double height) {
        return 900;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 600;
    }

    @Override
    protected void layoutChildren() {
        // A layout pass that changes neither the size nor the data (a tooltip, a neighbour's progress bar) keeps the drawing.
        if (!changed && getWidth() == drawnWidth && getHeight() == drawnHeight) {
            return;
        }
        changed = false;
        drawnWidth = getWidth();
        drawnHeight = getHeight();
        getChildren().clear();
        if (getWidth() < 200 || getHeight() < 160) {
            return;
        }
        draw();
    }

    /** Draws everything; the children were cleared. */
    protected abstract void draw();

    /** Redraws with new data. */
    protected void dataChanged() {
        changed = true;
        requestLayout();
    }

    // ------------------------------------------------------------------ the frame

    /** Sets the plot area by its margins and the axes' ranges, and paints the white ground. */
    protected void start(double leftPx, double topPx, double rightPx, double bottomPx, Plot.Axis x, Plot.Axis y) {
        plotX = leftPx;
        plotY = topPx;
        plotW = getWidth() - leftPx - rightPx;
        plotH = getHeight() - topPx - bottomPx;
        xAxis = x;
        yAxis = y;
        Rectangle ground = new Rectangle(0, 0, getWidth(), getHeight());
        ground.setFill(Color.WHITE);
        getChildren().add(ground);
    }

    double x(double v) {
        return plotX + share(xAxis, v) * plotW;
    }

    double y(double v) {
        return plotY + (1 - share(yAxis, v)) * plotH;
    }

    private static double share(Plot.Axis a, double v) {
        if (a.log()) {
            return (Math.log10(Math.max(v, a.min() * 1e-3)) - Math.log10(a.min())) / (Math.log10(a.max()) - Math.log10(a.min()));
        }
        return (v - a.min()) / (a.max() - a.min());
    }

    /** The x of {@code v} in scene coordinates (for tests). */
    double sceneXFor(double v) {
        return localToScene(x(v), 0).getX();
    }

    /** The y of {@code v} in scene coordinates (for tests). */
    double sceneYFor(double v) {
        return localToScene(0, y(v)).getY();
    }

    /** Grid, ticks, tick labels and axis titles of both axes. */
    protected void axes() {
        for (double[] tick : ticks(xAxis)) {
            double px = x(tick[0]);
            boolean major = tick[1] > 0;
            getChildren().add(line(px, plotY, px, plotY + plotH, major ? GRID : MINOR_GRID, 1));
            getChildren().add(line(px, plotY + plotH, px, plotY + plotH + (major ? 6 : 3), INK, 1));
            if (major) {
                Text t = text(tickLabel(xAxis, tick[0]), px, plotY + plotH + 10, TICK_FONT, INK);
                t.setTextOrigin(VPos.TOP);
                t.setX(px - t.getLayoutBounds().getWidth() / 2);
                getChildren().add(t);
            }
        }
        for (double[] tick : ticks(yAxis)) {
            double py = y(tick[0]);
            boolean major = tick[1] > 0;
            getChildren().add(line(plotX, py, plotX + plotW, py, major ? GRID : MINOR_GRID, 1));
            getChildren().add(line(plotX - (major ? 6 : 3), py, plotX, py, INK, 1));
            if (major) {
                Text t = text(tickLabel(yAxis, tick[0]), 0, py, TICK_FONT, INK);
                t.setTextOrigin(VPos.CENTER);
                t.setX(plotX - 10 - t.getLayoutBounds().getWidth());
                getChildren().add(t);
            }
        }
        Text xTitle = text(xAxis.label(), 0, plotY + plotH + 32, AXIS_FONT, INK);
        xTitle.setTextOrigin(VPos.TOP);
        xTitle.setX(plotX + plotW / 2 - xTitle.getLayoutBounds().getWidth() / 2);
        Text yTitle = text(yAxis.label(), 0, 0, AXIS_FONT, INK);
        yTitle.setTextOrigin(VPos.CENTER);
        yTitle.setRotate(-90);
        yTitle.setX(20 - yTitle.getLayoutBounds().getWidth() / 2);
        yTitle.setY(plotY + plotH / 2);
        getChildren().addAll(xTitle, yTitle);
    }

    /** Ticks of an axis: {value, 1} for a labelled tick, {value, 0} for a minor one. */
    static List<double[]> ticks(Plot.Axis a) {
        List<double[]> out = new ArrayList<>();
        if (a.log()) {
            int from = (int) Math.floor(Math.log10(a.min()) + 1e-9);
            int to = (int) Math.ceil(Math.log10(a.max()) - 1e-9);
            for (int e = from; e <= to; e++) {
                for (int k = 1; k <= 9; k++) {
                    double v = k * Math.pow(10, e);
                    if (v >= a.min() * (1 - 1e-9) && v <= a.max() * (1 + 1e-9)) {
                        out.add(new double[] {v, k == 1 ? 1 : 0});
                    }
                }
            }
            return out;
        }
        double step = StrengthChart.niceStep(a.max() - a.min(), 8);
        for (double v = Math.ceil(a.min() / step - 1e-9) * step; v <= a.max() + step * 1e-9; v += step) {
            out.add(new double[] {Math.abs(v) < step * 1e-9 ? 0 : v, 1});
        }
        return out;
    }

    private String tickLabel(Plot.Axis a, double v) {
        if (a.log()) {
            return Numbers.flexible(v, 0, Math.max(0, (int) Math.ceil(-Math.log10(v) - 1e-9)), locale);
        }
        double step = StrengthChart.niceStep(a.max() - a.min(), 8);
        return Numbers.fixed(v, Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9)), locale);
    }

    /** The frame around the plot area, drawn last so that it sits on top of the curves. */
    protected void frame() {
        Rectangle frame = new Rectangle(plotX, plotY, plotW, plotH);
        frame.setFill(null);
        frame.setStroke(INK);
        frame.setStrokeWidth(1.2);
        getChildren().add(frame);
    }

    /** The title above the plot area. */
    protected void title(String title) {
        Text t = text(title, plotX, 22, TITLE_FONT, INK);
        t.setWrappingWidth(plotW);
        t.setId("chartTitle");
        getChildren().add(t);
    }

    /** Space under the plot area (axis, axis title, footnote gap) before the footnote starts, px. */
    static final double FOOTNOTE_GAP_PX = 52;

    /**
     * The space to leave under the plot area so that a footnote of several lines is not cut: at least
     * {@code minimumPx}, more when the footnote wrapped to the plot's width needs it.
     */
    protected double bottomFor(String footnote, double leftPx, double rightPx, double minimumPx) {
        if (footnote == null || footnote.isEmpty()) {
            return minimumPx;
        }
        Text t = text(footnote, 0, 0, LABEL_FONT, NOTE);
        t.setWrappingWidth(Math.max(50, getWidth() - leftPx - rightPx));
        return Math.max(minimumPx, FOOTNOTE_GAP_PX + t.getLayoutBounds().getHeight() + 6);
    }

    /** The footnote under the axis title: the model and data the chart came from. */
    protected void footnote(String text) {
        Text t = text(text, plotX, plotY + plotH + FOOTNOTE_GAP_PX, LABEL_FONT, NOTE);
        t.setTextOrigin(VPos.TOP);
        t.setWrappingWidth(plotW);
        t.setId("chartSource");
        getChildren().add(t);
    }

    /** A group clipped to the plot area, for curves that may run past it. */
    protected Group clipped() {
        Group g = new Group();
        g.setClip(new Rectangle(plotX, plotY, plotW, plotH));
        getChildren().add(g);
        return g;
    }

    // ------------------------------------------------------------------ the legend

    /** A legend's entries and notes, laid out from its own top left and measured, not yet placed. */
    protected record LegendBlock(List<Node> items, double widthPx, double heightPx) {
    }

    /** The legend's entries and lines of notes, measured; null when there is nothing to show. */
    protected LegendBlock legendBlock(List<LegendEntry> entries, List<String> notes) {
        return legendBlock(entries, notes, 0);
    }

    /**
     * The legend's entries and notes, measured, each note wrapped to {@code noteWrapPx} (0: one line
     * each, however long); null when there is nothing to show.
     */
    protected LegendBlock legendBlock(List<LegendEntry> entries, List<String> notes, double noteWrapPx) {
        if (entries.isEmpty() && notes.isEmpty()) {
            return null;
        }
        double rowPx = 20;
        List<Node> items = new ArrayList<>();
        double width = 0;
        int row = 0;
        for (LegendEntry e : entries) {
            double cy = row * rowPx;
            if (e.band()) {
                Rectangle swatch = new Rectangle(0, cy - 6, 30, 12);
                swatch.setFill(e.colour());
                items.add(swatch);
            } else {
                Line l = line(0, cy, 30, cy, e.colour(), e.widthPx());
                if (e.dashed()) {
                    l.getStrokeDashArray().setAll(7.0, 4.0);
                }
                items.add(l);
            }
            Text t = text(e.label(), 38, cy, LABEL_FONT, INK);
            t.setTextOrigin(VPos.CENTER);
            items.add(t);
            width = Math.max(width, 38 + t.getLayoutBounds().getWidth());
            row++;
        }
        double notesPx = 0;
        for (String n : notes) {
            Text t = text(n, 0, row * rowPx + notesPx - rowPx / 2, LABEL_FONT, INK);
            t.setTextOrigin(VPos.TOP);
            if (noteWrapPx > 0) {
                t.setWrappingWidth(Math.max(noteWrapPx, width));
            }
            items.add(t);
            width = Math.max(width, t.getLayoutBounds().getWidth());
            notesPx += Math.max(rowPx, t.getLayoutBounds().getHeight() + 4);
        }
        return new LegendBlock(items, width + 16, row * rowPx + notesPx + 4);
    }

    /**
     * The legend in a corner of the plot area, with lines of notes under its entries: the corner it
     * hides the least of {@code avoid} in, {@code preferred} first among equals.
     *
     * @return the legend's box, to keep other labels off it
     */
    protected Bounds legend(List<LegendEntry> entries, List<String> notes, Plot.Corner preferred, List<List<Plot.XY>> avoid) {
        LegendBlock block = legendBlock(entries, notes);
        return block == null ? null : place(block, corner(block, preferred, avoid));
    }

    /** The box of {@code block} in the corner of the plot area that hides the least of {@code avoid}, {@code preferred} first among equals. */
    protected Rectangle corner(LegendBlock block, Plot.Corner preferred, List<List<Plot.XY>> avoid) {
        Rectangle box = null;
        int fewest = Integer.MAX_VALUE;
        List<Plot.Corner> order = new ArrayList<>(List.of(Plot.Corner.values()));
        order.remove(preferred);
        order.add(0, preferred);
        for (Plot.Corner corner : order) {
            boolean right = corner == Plot.Corner.TOP_RIGHT || corner == Plot.Corner.BOTTOM_RIGHT;
            boolean top = corner == Plot.Corner.TOP_LEFT || corner == Plot.Corner.TOP_RIGHT;
            double w = block.widthPx();
            double h = block.heightPx();
            Rectangle candidate = new Rectangle(right ? plotX + plotW - 10 - w : plotX + 10, top ? plotY + 10 : plotY + plotH - 10 - h, w, h);
            int hidden = hidden(candidate, avoid);
            if (hidden < fewest) {
                fewest = hidden;
                box = candidate;
            }
        }
        return box;
    }

    /** Whether {@code block} would hide some of {@code avoid} in every corner of the plot area. */
    protected boolean hidesInEveryCorner(LegendBlock block, List<List<Plot.XY>> avoid) {
        return hidden(corner(block, Plot.Corner.TOP_RIGHT, avoid), avoid) > 0;
    }

    /** The box of {@code block} right of the plot area, level with its top (the right margin was widened for it). */
    protected Rectangle besidePlot(LegendBlock block) {
        return new Rectangle(plotX + plotW + LEGEND_GAP_PX, plotY, block.widthPx(), block.heightPx());
    }

    /** Space between the plot area and a legend placed beside it, px. */
    protected static final double LEGEND_GAP_PX = 12;

    /** Draws {@code block} in {@code box}. */
    protected Bounds place(LegendBlock block, Rectangle box) {
        double bx = box.getX();
        double by = box.getY();
        box.setFill(Color.web("white", 0.92));
        box.setStroke(Color.web("#b8c2cb"));
        box.setId("legend");
        getChildren().add(box);
        for (Node n : block.items()) {
            n.setTranslateX(bx + 8);
            n.setTranslateY(by + 12);
            getChildren().add(n);
        }
        return box.getBoundsInParent();
    }

    /** How much of the curves a box would hide: points along them (each segment sampled) that fall inside it. */
    private int hidden(Rectangle box, List<List<Plot.XY>> curves) {
        int count = 0;
        for (List<Plot.XY> c : curves) {
            for (int i = 1; i < c.size(); i++) {
                double x0 = x(c.get(i - 1).x());
                double y0 = y(c.get(i - 1).y());
                double x1 = x(c.get(i).x());
                double y1 = y(c.get(i).y());
                for (int k = 0; k < 8; k++) {
                    if (box.contains(x0 + (x1 - x0) * k / 8, y0 + (y1 - y0) * k / 8)) {
                        count++;
                    }
                }
            }
        }
        return count;
    }

    // ------------------------------------------------------------------ small builders

    Polyline polyline(List<Plot.XY> points, Color colour, double widthPx, boolean dashed) {
        Polyline p = new Polyline();
        for (Plot.XY pt : points) {
            p.getPoints().addAll(x(pt.x()), y(pt.y()));
        }
        p.setStroke(colour);
        p.setStrokeWidth(widthPx);
        p.setFill(null);
        if (dashed) {
            p.getStrokeDashArray().setAll(8.0, 5.0);
        }
        return p;
    }

    static Line line(double x0, double y0, double x1, double y1, Color colour, double widthPx) {
        Line l = new Line(x0, y0, x1, y1);
        l.setStroke(colour);
        l.setStrokeWidth(widthPx);
        return l;
    }

    static Text text(String s, double x, double y, Font font, Color colour) {
        Text t = new Text(x, y, s);
        t.setFont(font);
        t.setFill(colour);
        return t;
    }

    /** Adds a text on a white backing, so that grid lines and curves do not run through it. */
    void halo(Text t) {
        Bounds b = t.getBoundsInLocal();
        Rectangle back = new Rectangle(b.getMinX() - 2, b.getMinY(), b.getWidth() + 4, b.getHeight());
        back.setFill(Color.web("white", 0.85));
        getChildren().addAll(back, t);
    }

    /** A label beside a point, kept inside the plot area: to the right, or to the left near the right edge. */
    Text beside(String label, double px, double py, Color colour) {
        Text t = text(label, px + 9, py, LABEL_FONT, colour);
        t.setTextOrigin(VPos.CENTER);
        double w = t.getLayoutBounds().getWidth();
        if (px + 9 + w > plotX + plotW - 4) {
            t.setX(px - 9 - w);
        }
        t.setY(Math.max(plotY + 9, Math.min(plotY + plotH - 9, py)));
        return t;
    }
}
