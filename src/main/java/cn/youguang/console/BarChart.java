package cn.youguang.console;

import java.util.ArrayList;
import java.util.List;

/**
 * A bar chart drawn on the server as SVG shapes (no script), with the same numbers as a table for screen readers.
 * Bars of one group stand side by side, one per series; the template draws what this computes.
 */
public record BarChart(String id, String title, String unit, List<String> series, List<Group> groups,
                       List<Bar> bars, List<Tick> ticks, List<Label> labels, int width, int height) {

    public record Group(String label, List<Number> values) {
    }

    /** One rectangle; {@code tone} picks its colour class (series index), {@code text} its tooltip. */
    public record Bar(int x, int y, int width, int height, int tone, String text) {
    }

    public record Tick(int y, int textY, String text) {
    }

    public record Label(int x, String text) {
    }

    private static final int LEFT = 44;
    private static final int TOP = 10;
    private static final int PLOT_HEIGHT = 160;
    private static final int BOTTOM = 36;

    static BarChart of(String id, String title, String unit, List<String> series, List<Group> groups) {
        double max = groups.stream().flatMap(g -> g.values().stream()).mapToDouble(Number::doubleValue).max().orElse(0);
        double top = niceTop(max);
        int perGroup = Math.max(1, series.size());
        int barWidth = series.size() > 2 ? 8 : 14;
        // wide enough for a label such as 2026-11 under every group
        int groupWidth = Math.max(52, perGroup * barWidth + 10);
        int width = LEFT + Math.max(1, groups.size()) * groupWidth + 10;
        List<Bar> bars = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            Group group = groups.get(g);
            int x0 = LEFT + g * groupWidth + (groupWidth - perGroup * barWidth) / 2;
            for (int s = 0; s < group.values().size(); s++) {
                double v = group.values().get(s).doubleValue();
                int h = top == 0 ? 0 : (int) Math.round(v / top * PLOT_HEIGHT);
                bars.add(new Bar(x0 + s * barWidth, TOP + PLOT_HEIGHT - h, barWidth - 1, h, s,
                        group.label() + " " + series.get(s) + "：" + format(group.values().get(s)) + " " + unit));
            }
            labels.add(new Label(x0 + perGroup * barWidth / 2, group.label()));
        }
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i <= 4; i++) {
            double value = top * i / 4;
            int y = TOP + PLOT_HEIGHT - (int) Math.round(PLOT_HEIGHT * i / 4.0);
            ticks.add(new Tick(y, y + 4, format(value)));
        }
        return new BarChart(id, title, unit, series, groups, bars, ticks, labels, width, TOP + PLOT_HEIGHT + BOTTOM);
    }

    /** The axis ends at a round number at or above the largest value (at least 4, so small counts stay whole). */
    static double niceTop(double max) {
        if (max <= 4) {
            return max <= 1 && max > 0 && max != Math.rint(max) ? 1 : 4;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
        for (double step : new double[]{1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= max) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    static String format(Number n) {
        double d = n.doubleValue();
        return d == Math.rint(d) ? String.valueOf((long) d) : String.format("%.1f", d);
    }

    static String format(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.format("%.1f", d);
    }

    public int labelY() {
        return TOP + PLOT_HEIGHT + 14;
    }

    public int tickX() {
        return LEFT - 4;
    }

    public int left() {
        return LEFT;
    }
}
