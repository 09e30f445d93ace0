package org.fairkit.reports.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

/** Text in scripts beyond DejaVu: the CJK fallback font, runs that switch fonts, and code points for the rest. */
class PdfLayoutScriptsTest {
    private static final String JAPANESE = "\u65e5\u672c\u8a9e \u3072\u3089\u304c\u306a \u30ab\u30bf\u30ab\u30ca";
    private static final String KOREAN = "\ud55c\uad6d\uc5b4";
    private static final String CHINESE = "\u4e2d\u6587";

    private static byte[] pdf(String... paragraphs) throws IOException {
        PdfLayout layout = PdfLayout.create("Test", "Scripts");
        for (String p : paragraphs) {
            layout.paragraph(p);
            layout.paragraph(p, PdfLayout.Style.BOLD);
            layout.table(Table.of(List.of("group", "rate"), List.of(List.of(p, "0.5")), new float[] {3, 1}, "lr"));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        layout.save(out, "subject", "test", Instant.EPOCH);
        return out.toByteArray();
    }

    private static String render(String... paragraphs) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf(paragraphs))) {
            return new PDFTextStripper().getText(d);
        }
    }

    @Test
    void japaneseKoreanAndChineseMixedWithLatinPrintAsWritten() throws IOException {
        String mixed = "Group " + CHINESE + " vs " + KOREAN + " (" + JAPANESE + ") \u2014 \u0420\u0443\u0441";
        String text = render(mixed);
        assertThat(text).contains(CHINESE).contains(KOREAN).contains(JAPANESE).contains("\u0420\u0443\u0441")
                .doesNotContain("[U+").doesNotContain("?");
    }

    @Test
    void aCharacterNoFontHasIsWrittenAsItsCodePoint() throws IOException {
        // U+10000 LINEAR B SYLLABLE B008 A: neither DejaVu nor Droid Sans Fallback has it.
        String text = render("x" + new String(Character.toChars(0x10000)) + CHINESE);
        assertThat(text).contains("x[U+10000]" + CHINESE);
    }

    @Test
    void longMixedScriptTextWrapsInsideTheMargins() throws IOException {
        // Wrapping measures each run in its own font: were CJK measured with DejaVu's (missing-glyph) widths, lines
        // would run past the right margin.
        List<Float> rightEdges = new ArrayList<>();
        PDFTextStripper edges = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) throws IOException {
                super.writeString(text, positions);
                for (TextPosition p : positions) {
                    rightEdges.add(p.getXDirAdj() + p.getWidthDirAdj());
                }
            }
        };
        try (PDDocument d = Loader.loadPDF(pdf(("Group " + CHINESE + KOREAN + JAPANESE + " ").repeat(60)))) {
            String all = edges.getText(d);
            assertThat(all).contains(CHINESE + KOREAN);
        }
        assertThat(rightEdges).hasSizeGreaterThan(1000).allSatisfy(x -> assertThat(x).isLessThan(PdfLayout.RIGHT + 1f));
        assertThat(rightEdges.stream().mapToDouble(Float::doubleValue).max().orElseThrow())
                .isGreaterThan(PdfLayout.RIGHT - 60);
    }

    @Test
    void arabicLettersAreJoinedIntoTheirContextualFormsThenPutInVisualOrder() {
        // "عربي" (arabi): ain initial FECB, reh final FEAE, beh initial FE91, yeh final FEF2;
        // shown right to left, so the visual string starts with the last letter.
        assertThat(PdfText.visual("\u0639\u0631\u0628\u064a")).isEqualTo("\ufef2\ufe91\ufeae\ufecb");
        // lam + alef become the one ligature FEFB; Latin around it keeps its order.
        assertThat(PdfText.visual("A \u0644\u0627 B")).isEqualTo("A \ufefb B");
        assertThat(PdfText.visual("plain Latin")).isEqualTo("plain Latin");
    }

    @Test
    void shapedArabicPrintsWithTheEmbeddedFontAndExtractsAsText() throws IOException {
        String text = render("Group \u0639\u0631\u0628\u064a");
        assertThat(text).doesNotContain("[U+").doesNotContain("?");
        assertThat(java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC)).contains("\u0639\u0631\u0628\u064a");
    }
}
