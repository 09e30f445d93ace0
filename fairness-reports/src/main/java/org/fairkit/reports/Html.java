package org.fairkit.reports;

import java.util.List;
import org.fairkit.reports.svg.Escape;

/** Small HTML writing helpers shared by the dashboard and the slides; every text goes through {@link Escape}. */
final class Html {
    private Html() {
    }

    static String esc(String s) {
        return Escape.html(s);
    }

    /** The Content-Security-Policy that forbids every network request: the page can only use what it contains. */
    static final String NO_NETWORK = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
            + "style-src 'unsafe-inline'; img-src data:\"/>\n";

    /**
     * A table. {@code columns} has one letter per column: {@code n} numeric (right-aligned), {@code w} no wrap,
     * {@code t} text. Cells are escaped; the first cell of a row is its header.
     */
    static void table(StringBuilder b, String cssClass, List<String> header, List<List<String>> rows,
            String columns) {
        if (columns.length() != header.size()) {
            throw new IllegalArgumentException("columns '" + columns + "' do not match " + header.size() + " headers");
        }
        boolean[] numeric = new boolean[columns.length()];
        boolean[] nowrap = new boolean[columns.length()];
        for (int i = 0; i < numeric.length; i++) {
            numeric[i] = columns.charAt(i) == 'n';
            nowrap[i] = columns.charAt(i) == 'w';
        }
        b.append("<div class=\"scroll\"><table class=\"").append(esc(cssClass)).append("\">\n<thead><tr>");
        for (int i = 0; i < header.size(); i++) {
            b.append("<th scope=\"col\"").append(numeric[i] ? " class=\"num\"" : "").append('>').append(esc(header.get(i)))
                    .append("</th>");
        }
        b.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : rows) {
            b.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                String cls = numeric[i] ? "num" : nowrap[i] ? "nowrap" : "";
                if (cell.startsWith("undefined")) {
                    cls = (cls + " undef").trim();
                }
                b.append(i == 0 ? "<th scope=\"row\"" : "<td").append(cls.isEmpty() ? "" : " class=\"" + cls + "\"")
                        .append('>').append(esc(cell)).append(i == 0 ? "</th>" : "</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</tbody></table></div>\n");
    }

    /** A status badge: the word carries the meaning, the colour repeats it. */
    static String badge(String word, String kind) {
        return "<span class=\"badge " + esc(kind) + "\">" + esc(word) + "</span>";
    }
}
