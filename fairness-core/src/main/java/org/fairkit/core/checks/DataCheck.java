package org.fairkit.core.checks;

/** The data quality checks, each with a stable id for JSON, YAML and the CLI. */
public enum DataCheck {
    /** Groups with too few rows for stable rates. */
    MIN_GROUP_SIZE("min_group_size", "each group has enough rows for stable rates"),
    /** Group shares against a reference distribution. */
    REPRESENTATION("representation", "each group's share of the rows matches a reference distribution"),
    /** Missing values that differ between groups. */
    MISSING_VALUES("missing_values", "missing values are not concentrated in some groups"),
    /** Label base rates that differ between groups. */
    BASE_RATE_GAP("base_rate_gap", "the share of positive labels is similar across groups"),
    /** Features that encode the sensitive attribute. */
    PROXY("proxy", "no feature is strongly associated with the sensitive attribute");

    private final String id;
    private final String description;

    DataCheck(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** @return the stable snake-case id */
    public String id() {
        return id;
    }

    /** @return what the check asks of the data */
    public String description() {
        return description;
    }
}
