package ca.scalloy.ui.properties;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A chart to draw, in words and numbers only (no JavaFX): its title, axes with units, curves,
 * marked points, guide lines, notes and the footnote that names the model and the data it came from.
 * View models build it; {@link PlotChart} draws it.
 *
 * @param title    the chart's title
 * @param x        the horizontal axis
 * @param y        the vertical axis
 * @param curves   the curves, drawn in order (a curve with a label is in the legend)
 * @param markers  points marked on the curves, with their labels
 * @param guides   vertical or horizontal lines across the plot (a liquidus, a solidus), with their labels
 * @param notes    lines of text shown in a box under the legend
 * @param footnote the model and data the chart came from
 * @param legendAt where the legend goes
 */
public record Plot(String title, Axis x, Axis y, List<Curve> curves, List<Marker> markers, List<Guide> guides, List<String> notes,
                   String footnote, Corner legendAt) {

    /** A corner of the plot area. */
    public enum Corner { TOP_LEFT, TOP_RIGHT, BOTTOM_LEFT, BOTTOM_RIGHT }

    /** How a marked point is drawn. */
    public enum Shape { CIRCLE, SQUARE, DIAMOND }

    /**
     * An axis.
     *
     * @param label its name with the unit, e.g. "Temperature (°C)"
     * @param min   lower end (above 0 on a log axis)
     * @param max   upper end
     * @param log   logarithmic (decades) rather than linear
     */
    public record Axis(String label, double min, double max, boolean log) {
        public Axis {
            if (!(max > min) || (log && !(min > 0))) {
                throw new IllegalArgumentException("axis '" + label + "' must run from a lower to a higher end (above 0 when logarithmic), was "
                        + min + " to " + max);
            }
        }
    }

    /** A point in the axes' units. */
    public record XY(double x, double y) {
    }

    /**
     * A curve.
     *
     * @param id     its node id ("curve-" + id) for tests
     * @param label  its legend entry, or empty for none
     * @param points its points, in drawing order
     * @param colour an index into the chart's palette
     * @param dashed drawn dashed
     * @param bold   drawn thicker, for the curve the user asked about
     */
    public record Curve(String id, String label, List<XY> points, int colour, boolean dashed, boolean bold) {
        public Curve {
            points = List.copyOf(points);
        }
    }

    /**
     * A marked point.
     *
     * @param id     its node id, for tests (e.g. {@code scheduleMarker})
     * @param label  its label beside it, or empty
     * @param at     where
     * @param colour an index into the chart's palette
     * @param shape  how it is drawn
     */
    public record Marker(String id, String label, XY at, int colour, Shape shape) {
    }

    /**
     * A straight line across the plot.
     *
     * @param label    written along it
     * @param vertical at an x (true) or at a y (false)
     * @param at       where, in the axis's units
     */
    public record Guide(String label, boolean vertical, double at) {
    }

    public Plot {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        curves = List.copyOf(curves);
        markers = List.copyOf(markers);
        guides = List.copyOf(guides);
        notes = List.copyOf(notes);
    }

    /** The marker of that id, if any. */
    public java.util.Optional<Marker> marker(String id) {
        return markers.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** The curve of that id, if any. */
    public java.util.Optional<Curve> curve(String id) {
        return curves.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** Builds a plot step by step. */
    public static Builder builder(String title, Axis x, Axis y) {
        return new Builder(title, x, y);
    }

    /** Collects a plot's parts. */
    public static final class Builder {
        private final String title;
        private final Axis x;
        private final Axis y;
        private final List<Curve> curves = new ArrayList<>();
        private final List<Marker> markers = new ArrayList<>();
        private final List<Guide> guides = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private String footnote = "";
        private Corner legendAt = Corner.TOP_RIGHT;

        private Builder(String title, Axis x, Axis y) {
            this.title = title;
            this.x = x;
            this.y = y;
        }

        public Builder curve(Curve c) {
            curves.add(c);
            return this;
        }

        public Builder marker(Marker m) {
            markers.add(m);
            return this;
        }

        public Builder guide(Guide g) {
            guides.add(g);
            return this;
        }

        public Builder note(String line) {
            notes.add(line);
            return this;
        }

        public Builder footnote(String text) {
            footnote = text;
            return this;
        }

        public Builder legendAt(Corner corner) {
            legendAt = corner;
            return this;
        }

        public Plot build() {
            return new Plot(title, x, y, curves, markers, guides, notes, footnote, legendAt);
        }
    }
}
