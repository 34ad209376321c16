package cn.youguang.feedback;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Coordinates from the phone (GCJ-02) become GPS coordinates (WGS-84) to well under a metre. */
class Gcj02Test {

    @Test
    void theConversionRoundTripsInYancheng() {
        double lat = 33.3478;
        double lon = 120.1637;
        Gcj02.Point gcj = Gcj02.fromWgs84(lat, lon);
        assertThat(Gcj02.metres(lat, lon, gcj.lat(), gcj.lon())).as("GCJ-02 is offset by a few hundred metres")
                .isBetween(100.0, 1000.0);

        Gcj02.Point back = Gcj02.toWgs84(gcj.lat(), gcj.lon());
        assertThat(Gcj02.metres(lat, lon, back.lat(), back.lon())).isLessThan(0.5);
    }

    @Test
    void outsideChinaNothingMoves() {
        Gcj02.Point paris = Gcj02.toWgs84(48.8566, 2.3522);
        assertThat(paris.lat()).isEqualTo(48.8566);
        assertThat(paris.lon()).isEqualTo(2.3522);
    }

    @Test
    void distancesAreHaversine() {
        // one thousandth of a degree of latitude is about 111 m
        assertThat(Gcj02.metres(33.0, 120.0, 33.001, 120.0)).isCloseTo(111.2, within(0.5));
    }
}
