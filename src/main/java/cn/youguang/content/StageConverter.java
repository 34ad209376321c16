package cn.youguang.content;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stages are stored in lower case, as the API names them. */
@Converter
public class StageConverter implements AttributeConverter<Stage, String> {

    @Override
    public String convertToDatabaseColumn(Stage stage) {
        return stage == null ? null : stage.value();
    }

    @Override
    public Stage convertToEntityAttribute(String value) {
        return value == null ? null : Stage.parse(value);
    }
}
