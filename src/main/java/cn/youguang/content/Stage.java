package cn.youguang.content;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * Where an entry is in the editorial workflow. Only {@link #PUBLISHED} is public; the public status of an entry
 * follows its stage (see {@link ContentEntry#setStage}).
 */
public enum Stage {
    DRAFT, IN_REVIEW, APPROVED, SCHEDULED, PUBLISHED, UNPUBLISHED, ARCHIVED;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the stage named in lower case, or null for a name no stage has */
    public static Stage parse(String value) {
        for (Stage s : values()) {
            if (s.value().equals(value)) {
                return s;
            }
        }
        return null;
    }
}
