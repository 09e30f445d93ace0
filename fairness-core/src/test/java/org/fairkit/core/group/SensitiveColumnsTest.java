package org.fairkit.core.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.fairkit.core.internal.SensitiveColumns;
import org.fairkit.core.internal.SensitiveFeatures;

/** The sensitive columns every input builder shares: naming rules, length checks, freezing and cached groupings. */
class SensitiveColumnsTest {

    @Test
    void namesMustBeNonBlankUniqueAndNotAnotherColumn() {
        SensitiveColumns c = new SensitiveColumns("labels", "weights");
        c.add("sex", new String[] {"F", "M"});
        assertThatThrownBy(() -> c.add("sex", new String[] {"F", "M"}))
                .hasMessage("column 'sex' is already set; each column is set once");
        assertThatThrownBy(() -> c.add("weights", new int[] {0, 1}, new String[] {"a", "b"}))
                .hasMessage("column 'weights' is already set; each column is set once");
        assertThatThrownBy(() -> c.add(" ", new String[] {"F", "M"}))
                .hasMessage("a sensitive feature needs a non-blank name, got ' '");
    }

    @Test
    void buildChecksPresenceAndLengthsAndCopiesTheColumns() {
        assertThatThrownBy(() -> new SensitiveColumns().build("labels", 2))
                .hasMessage("column 'sensitive' is required; set it with sensitive(name, levels)");
        SensitiveColumns c = new SensitiveColumns();
        String[] sex = {"F", "M", "F"};
        c.add("sex", sex);
        c.add("race", new int[] {1, 0, 1}, new String[] {"A", "B"});
        assertThatThrownBy(() -> c.build("labels", 2)).hasMessageContaining("'sex'").hasMessageContaining("labels");
        sex[0] = "M";
        SensitiveFeatures f = c.build("labels", 3);
        assertThat(f.names()).containsExactly("sex", "race");
        assertThat(f.get("sex").level(0)).isEqualTo("F");
        assertThat(f.get("race").level(0)).isEqualTo("B");
        assertThatThrownBy(() -> f.get("age")).hasMessage("no sensitive feature named 'age'; the data has [sex, race]");
    }

    @Test
    void groupingsAreComputedOncePerFeatureList() {
        SensitiveColumns c = new SensitiveColumns();
        c.add("sex", new String[] {"F", "M", "F"});
        c.add("race", new String[] {"A", "A", "B"});
        SensitiveFeatures f = c.build("labels", 3);
        Grouping g = f.grouping(List.of("sex", "race"));
        assertThat(f.grouping(List.of("sex", "race"))).isSameAs(g);
        assertThat(g.groups()).hasSize(3);
        assertThat(f.grouping(List.of("race", "sex"))).isNotSameAs(g);
    }
}
