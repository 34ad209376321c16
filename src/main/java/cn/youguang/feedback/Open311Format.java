package cn.youguang.feedback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import com.fasterxml.jackson.dataformat.xml.ser.ToXmlGenerator;

/** Open311 documents written by Jackson, as JSON or as XML. */
final class Open311Format {

    static final String JSON = "application/json;charset=UTF-8";
    static final String XML = "text/xml;charset=UTF-8";

    private static final XmlMapper XML_MAPPER = XmlMapper.builder()
            .enable(ToXmlGenerator.Feature.WRITE_XML_DECLARATION).build();

    private Open311Format() {
    }

    static String render(boolean xml, Open311Documents.Document document, ObjectMapper json) {
        try {
            return xml ? XML_MAPPER.writeValueAsString(document) : json.writeValueAsString(document.json());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
