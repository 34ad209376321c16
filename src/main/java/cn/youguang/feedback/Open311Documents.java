package cn.youguang.feedback;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

import java.math.BigDecimal;
import java.util.List;

/**
 * The documents of Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2), with the specification's element
 * names. In JSON a list document is a bare array; in XML it is wrapped in its plural element
 * ({@code <services><service>}, {@code <service_requests><request>}, {@code <errors><error>}).
 */
public final class Open311Documents {

    private Open311Documents() {
    }

    /** A document in both formats: {@link #json()} is what the JSON answer holds, the record itself is the XML. */
    public interface Document {
        @JsonIgnore
        Object json();
    }

    @JsonPropertyOrder({"specification", "url", "changeset", "type", "formats"})
    public record Endpoint(String specification, String url, String changeset, String type,
                           @JacksonXmlElementWrapper(localName = "formats") @JacksonXmlProperty(localName = "format")
                           List<String> formats) {
    }

    @JacksonXmlRootElement(localName = "discovery")
    @JsonPropertyOrder({"changeset", "contact", "key_service", "endpoints"})
    public record Discovery(String changeset, String contact, @JsonProperty("key_service") String keyService,
                            @JacksonXmlElementWrapper(localName = "endpoints") @JacksonXmlProperty(localName = "endpoint")
                            List<Endpoint> endpoints) implements Document {
        @Override
        public Object json() {
            return this;
        }
    }

    @JsonPropertyOrder({"service_code", "service_name", "description", "metadata", "type", "keywords", "group"})
    public record Service(@JsonProperty("service_code") String serviceCode,
                          @JsonProperty("service_name") String serviceName, String description, boolean metadata,
                          String type, String keywords, String group) {
    }

    @JacksonXmlRootElement(localName = "services")
    public record Services(@JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "service")
                           List<Service> services) implements Document {
        @Override
        public Object json() {
            return services;
        }
    }

    /** An attribute of a service definition; this service asks for none, so the list stays empty. */
    public record Attribute(String code) {
    }

    @JacksonXmlRootElement(localName = "service_definition")
    @JsonPropertyOrder({"service_code", "attributes"})
    public record ServiceDefinition(@JsonProperty("service_code") String serviceCode,
                                    @JacksonXmlElementWrapper(localName = "attributes")
                                    @JacksonXmlProperty(localName = "attribute") List<Attribute> attributes)
            implements Document {
        @Override
        public Object json() {
            return this;
        }
    }

    /** The answer to a new request: its id and token (account_id is not used here). */
    @JsonPropertyOrder({"service_request_id", "token", "service_notice", "account_id"})
    public record Created(@JsonProperty("service_request_id") String serviceRequestId, String token,
                          @JsonProperty("service_notice") String serviceNotice,
                          @JsonProperty("account_id") String accountId) {
    }

    /** The answer to a token lookup. */
    @JsonPropertyOrder({"service_request_id", "token"})
    public record TokenAnswer(@JsonProperty("service_request_id") String serviceRequestId, String token) {
    }

    /** One service request as the public sees it: no personal data, coordinates cut to three decimals. */
    @JsonPropertyOrder({"service_request_id", "status", "status_notes", "service_name", "service_code",
            "agency_responsible", "service_notice", "requested_datetime", "updated_datetime", "expected_datetime",
            "lat", "long"})
    public record Request(@JsonProperty("service_request_id") String serviceRequestId, String status,
                          @JsonProperty("status_notes") String statusNotes,
                          @JsonProperty("service_name") String serviceName,
                          @JsonProperty("service_code") String serviceCode,
                          @JsonProperty("agency_responsible") String agencyResponsible,
                          @JsonProperty("service_notice") String serviceNotice,
                          @JsonProperty("requested_datetime") String requestedDatetime,
                          @JsonProperty("updated_datetime") String updatedDatetime,
                          @JsonProperty("expected_datetime") String expectedDatetime,
                          BigDecimal lat, @JsonProperty("long") BigDecimal lon) {
    }

    /** A list of service requests, or of answers about them (created, token). */
    @JacksonXmlRootElement(localName = "service_requests")
    public record ServiceRequests(@JacksonXmlElementWrapper(useWrapping = false)
                                  @JacksonXmlProperty(localName = "request") List<?> requests) implements Document {
        @Override
        public Object json() {
            return requests;
        }
    }

    @JsonPropertyOrder({"code", "description"})
    public record Error(int code, String description) {
    }

    @JacksonXmlRootElement(localName = "errors")
    public record Errors(@JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "error")
                         List<Error> errors) implements Document {
        @Override
        public Object json() {
            return errors;
        }
    }
}
