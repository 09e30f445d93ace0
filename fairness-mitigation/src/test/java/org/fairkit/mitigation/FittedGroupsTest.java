package org.fairkit.mitigation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.fairkit.core.FairnessData;
import org.fairkit.core.group.GroupKey;
import org.junit.jupiter.api.Test;

/** Mapping rows of any data onto the groups a model was fitted on. */
class FittedGroupsTest {
    private static FairnessData data(String[] race, String[] sex) {
        int[] y = new int[race.length];
        return FairnessData.builder().labels(y).predictions(y).sensitive("race", race).sensitive("sex", sex).build();
    }

    @Test
    void groupsFollowCoreOrderAndRowsOfOtherDataAreMappedByLevels() {
        FittedGroups g = FittedGroups.of(data(new String[] {"b", "a", "b"}, new String[] {"F", "M", "M"}),
                List.of("race", "sex"));
        assertThat(g.groups()).containsExactly(new GroupKey(List.of("race", "sex"), List.of("a", "M")),
                new GroupKey(List.of("race", "sex"), List.of("b", "F")),
                new GroupKey(List.of("race", "sex"), List.of("b", "M")));
        // other data: different level sets and order, so different codes in core; same groups here
        assertThat(g.assign(data(new String[] {"b", "b", "a"}, new String[] {"M", "F", "M"}))).containsExactly(2, 1, 0);
        assertThat(g.assign(new String[] {"b & M", "a & M"})).containsExactly(2, 0);
        assertThat(g.indexOfLabel("b & F")).hasValue(1);
        assertThat(g.toString()).isEqualTo("FittedGroups[race x sex: [a & M, b & F, b & M]]");
        assertThat(g).isEqualTo(FittedGroups.of(g.features(), g.groups()));
    }

    @Test
    void unknownGroupsAndBadLabelsAreRefusedNamingTheRow() {
        FittedGroups g = FittedGroups.of(data(new String[] {"b", "a"}, new String[] {"F", "M"}), List.of("race", "sex"));
        assertThatThrownBy(() -> g.assign(data(new String[] {"a", "a"}, new String[] {"M", "F"})))
                .hasMessage("column 'race x sex', row 1: got group 'a & F', which the model was not fitted on; "
                        + "expected one of [a & M, b & F]");
        assertThatThrownBy(() -> g.assign(new String[] {"a & M", null}))
                .hasMessage("column 'groups', row 1: got null; expected a non-null group label");
        FairnessData noSex = FairnessData.builder().labels(new int[] {0}).predictions(new int[] {0})
                .sensitive("race", new String[] {"a"}).build();
        assertThatThrownBy(() -> g.assign(noSex)).hasMessageStartingWith("no sensitive feature named 'sex'");
        assertThatThrownBy(() -> FittedGroups.of(List.of("race"), List.of(GroupKey.of("sex", "F"))))
                .hasMessage("group sex=F is not a group of [race]");
    }
}
