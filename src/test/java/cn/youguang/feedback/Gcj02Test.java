package cn.youguang.feedback;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * GCJ-02 against reference points published outside this code base, not against its own inverse: a conversion
 * answered by AMap's coordinate service, and the outputs published with two widely used open-source converters.
 */
class Gcj02Test {

    @Test
    void wgs84ToGcj02AgreesWithAmapsCoordinateService() {
        // Tiananmen: WGS-84 39.90734, 116.39089 -> AMap's convert API gives 39.90874539, 116.39713623
        Gcj02.Point gcj = Gcj02.fromWgs84(39.90734, 116.39089);
        assertThat(Gcj02.metres(gcj.lat(), gcj.lon(), 39.90874539, 116.39713623)).isLessThan(1.0);
        assertThat(Gcj02.metres(39.90734, 116.39089, gcj.lat(), gcj.lon())).as("the offset itself is hundreds of metres")
                .isBetween(400.0, 700.0);
    }

    @Test
    void wgs84ToGcj02MatchesThePublishedOutputOfCoordtransform() {
        // wandergis/coordtransform: wgs84togcj02(116.404, 39.915) = [116.41024449916938, 39.91640428150164]
        Gcj02.Point gcj = Gcj02.fromWgs84(39.915, 116.404);
        assertThat(gcj.lat()).isCloseTo(39.91640428150164, within(1e-8));
        assertThat(gcj.lon()).isCloseTo(116.41024449916938, within(1e-8));
    }

    @Test
    void gcj02ToWgs84MatchesThePublishedOutputOfGcoord() {
        // hujiulong/gcoord: GCJ02 -> WGS84 of [123, 45] is [122.99395597, 44.99804071] (to 5 decimals)
        Gcj02.Point wgs = Gcj02.toWgs84(45, 123);
        assertThat(wgs.lat()).isCloseTo(44.99804071, within(1e-5));
        assertThat(wgs.lon()).isCloseTo(122.99395597, within(1e-5));
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
