package com.ibportal.commissions.ui;

import java.util.ArrayList;
import java.util.List;

/** A line diff (longest common subsequence) of two short texts, such as two versions' pretty-printed JSON. */
final class PlanDiff {

    enum Change { SAME, REMOVED, ADDED }

    record Line(Change change, String text) {
        @Override
        public String toString() {
            return (change == Change.SAME ? "  " : change == Change.REMOVED ? "- " : "+ ") + text;
        }
    }

    private PlanDiff() {
    }

    static List<Line> lines(String before, String after) {
        String[] a = before.split("\n", -1);
        String[] b = after.split("\n", -1);
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Line> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i].equals(b[j])) {
                lines.add(new Line(Change.SAME, a[i++]));
                j++;
            } else if (common[i + 1][j] >= common[i][j + 1]) {
                lines.add(new Line(Change.REMOVED, a[i++]));
            } else {
                lines.add(new Line(Change.ADDED, b[j++]));
            }
        }
        while (i < a.length) {
            lines.add(new Line(Change.REMOVED, a[i++]));
        }
        while (j < b.length) {
            lines.add(new Line(Change.ADDED, b[j++]));
        }
        return lines;
    }
}
