package cn.youguang.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The area street reports may come from, and its districts, from GeoJSON (WGS-84) in configuration: a point
 * outside the city is refused, a point in another district than the one chosen is flagged for the dispatcher.
 * Point-in-polygon by JTS; the polygons are prepared once, at start.
 */
@ApplicationScoped
public class CityArea {

    private static final String BUNDLED = "geo/city-area.geojson";

    private final GeometryFactory geometries = new GeometryFactory();
    private final PreparedGeometry city;
    private final Envelope envelope;
    private final Map<String, PreparedGeometry> districts = new LinkedHashMap<>();

    public CityArea(FeedbackConfig config, ObjectMapper json) {
        JsonNode collection = read(config.areaFile().orElse("classpath:" + BUNDLED), json);
        List<Geometry> cityParts = new ArrayList<>();
        List<Geometry> districtParts = new ArrayList<>();
        for (JsonNode feature : collection.path("features")) {
            Geometry geometry = geometry(feature.path("geometry"));
            String district = feature.path("properties").path("district").asText(null);
            if (district != null) {
                districts.put(district, PreparedGeometryFactory.prepare(geometry));
                districtParts.add(geometry);
            } else {
                cityParts.add(geometry);
            }
        }
        List<Geometry> parts = cityParts.isEmpty() ? districtParts : cityParts;
        if (parts.isEmpty()) {
            throw new IllegalStateException("The city area file holds no polygon");
        }
        Geometry union = geometries.buildGeometry(parts).union();
        this.city = PreparedGeometryFactory.prepare(union);
        this.envelope = union.getEnvelopeInternal();
    }

    public boolean contains(double wgsLat, double wgsLon) {
        return city.covers(geometries.createPoint(new Coordinate(wgsLon, wgsLat)));
    }

    /** The configured district the point lies in, if districts are configured and one holds it. */
    public Optional<String> districtOf(double wgsLat, double wgsLon) {
        var point = geometries.createPoint(new Coordinate(wgsLon, wgsLat));
        return districts.entrySet().stream().filter(e -> e.getValue().covers(point)).map(Map.Entry::getKey).findFirst();
    }

    /** Width and height of the city's bounding box, in degrees: no map request needs a larger one. */
    public double widthDegrees() {
        return envelope.getWidth();
    }

    public double heightDegrees() {
        return envelope.getHeight();
    }

    private static JsonNode read(String location, ObjectMapper json) {
        try {
            if (location.startsWith("classpath:")) {
                try (InputStream in = Thread.currentThread().getContextClassLoader()
                        .getResourceAsStream(location.substring("classpath:".length()))) {
                    if (in == null) {
                        throw new IllegalStateException("City area resource not found: " + location);
                    }
                    return json.readTree(in);
                }
            }
            return json.readTree(Files.readAllBytes(Path.of(location)));
        } catch (IOException e) {
            throw new UncheckedIOException("City area file cannot be read: " + location, e);
        }
    }

    private Geometry geometry(JsonNode node) {
        return switch (node.path("type").asText()) {
            case "Polygon" -> polygon(node.path("coordinates"));
            case "MultiPolygon" -> {
                List<Polygon> polygons = new ArrayList<>();
                node.path("coordinates").forEach(p -> polygons.add(polygon(p)));
                yield geometries.createMultiPolygon(polygons.toArray(Polygon[]::new));
            }
            default -> throw new IllegalStateException("City area: only Polygon and MultiPolygon geometries are read");
        };
    }

    private Polygon polygon(JsonNode rings) {
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i));
        }
        return geometries.createPolygon(shell, holes);
    }

    private LinearRing ring(JsonNode positions) {
        Coordinate[] coordinates = new Coordinate[positions.size()];
        for (int i = 0; i < positions.size(); i++) {
            coordinates[i] = new Coordinate(positions.get(i).get(0).asDouble(), positions.get(i).get(1).asDouble());
        }
        return geometries.createLinearRing(coordinates);
    }
}
