package org.fairkit.reports.svg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import org.junit.jupiter.api.Test;

class EscapeTest {

    @Test
    void escapesEveryMarkupCharacter() {
        assertThat(Escape.html("<a href=\"x\">Tom & 'Jerry'</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;");
        assertThat(Escape.html(null)).isEmpty();
        assertThat(Escape.html("plain")).isSameAs("plain");
    }

    @Test
    void controlCharactersThatXmlForbidsBecomeReplacementCharacters() {
        assertThat(Escape.html("a\u0000b\u0007c\td\ne")).isEqualTo("a\uFFFDb\uFFFDc\td\ne");
    }

    @Test
    void escapedTextNeverContainsARawMarkupCharacterAndUnescapesToTheOriginal() {
        qt().forAll(strings().basicLatinAlphabet().ofLengthBetween(0, 40)).checkAssert(s -> {
            String e = Escape.html(s);
            assertThat(e).doesNotContain("<", ">", "\"", "'");
            assertThat(e.replaceAll("&(?!amp;|lt;|gt;|quot;|#39;)", "")).isEqualTo(e);
            String back = e.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                    .replace("&amp;", "&");
            assertThat(back).isEqualTo(s.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", "\uFFFD"));
        });
    }

    @Test
    void shortenCutsByCodePointsAndMarksTheCut() {
        assertThat(Escape.shorten("Group A", 10)).isEqualTo("Group A");
        assertThat(Escape.shorten("A very long group label", 10)).isEqualTo("A very lo\u2026");
        assertThat(Escape.shorten("\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00", 2)).isEqualTo("\uD83D\uDE00\u2026");
        assertThatThrownBy(() -> Escape.shorten("x", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("max must be >= 2, got 1");
    }
}
