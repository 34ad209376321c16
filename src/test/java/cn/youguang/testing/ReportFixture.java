package cn.youguang.testing;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Filing reports the way the mini-program does: evidence uploaded first, then the submission with a key. */
public final class ReportFixture {

    /** A point in Yancheng, as wx.getLocation (GCJ-02) gives it. */
    public static final double LAT = 33.3478;
    public static final double LON = 120.1637;

    private ReportFixture() {
    }

    public static String evidence(Accounts.SignedIn who) {
        byte[] photo = TestImages.jpegWithExif(640, 480, 1, "2026:11:20 10:00:00", LAT, LON);
        JsonPath ticket = given().header("Authorization", who.bearer()).contentType(ContentType.JSON)
                .body(Map.of("kind", "evidence", "filename", "photo.jpg", "size", photo.length, "contentType", "image/jpeg"))
                .post("/api/media/uploads").then().statusCode(201).extract().jsonPath();
        assertThat(DirectUpload.send(ticket, photo, "image/jpeg").statusCode()).isEqualTo(204);
        given().header("Authorization", who.bearer()).post("/api/media/uploads/" + ticket.getString("id") + "/complete")
                .then().statusCode(200);
        return ticket.getString("id");
    }

    public static Map<String, Object> street(String category, double lat, double lon) {
        Map<String, Object> body = new HashMap<>();
        body.put("channel", "street");
        body.put("category", category);
        body.put("description", "人行道上堆着装修垃圾，已经好几天了");
        body.put("location", Map.of("latitude", lat, "longitude", lon));
        body.put("consentVersion", PrivacyGuide.version());
        body.put("address", "某路与某街交叉口");
        body.put("district", "亭湖区");
        return body;
    }

    public static Map<String, Object> supervision(String category) {
        Map<String, Object> body = new HashMap<>();
        body.put("channel", "supervision");
        body.put("category", category);
        body.put("description", "执法人员在检查时态度粗暴");
        return body;
    }

    public static Response submit(Accounts.SignedIn who, Map<String, Object> body, String key) {
        var request = given().header("Authorization", who.bearer()).contentType(ContentType.JSON).body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/api/reports");
    }

    /** Submits and returns the receipt (number, queryCode, …). */
    public static JsonPath file(Accounts.SignedIn who, Map<String, Object> body) {
        return submit(who, body, "key-" + UUID.randomUUID()).then().statusCode(201).extract().jsonPath();
    }

    public static JsonPath withPhotos(Accounts.SignedIn who, Map<String, Object> body, int photos) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put("photos", java.util.stream.IntStream.range(0, photos).mapToObj(i -> evidence(who)).toList());
        return file(who, copy);
    }

    public static Response track(String number, String code) {
        return given().queryParam("number", number).queryParam("code", code).get("/api/reports/track");
    }

    public static long idOf(javax.sql.DataSource dataSource, String number) {
        return new DatabaseRows(dataSource).count("select id from report where number = ?", number);
    }

    public static Response move(Accounts.SignedIn staff, String desk, long id, Map<String, Object> transition) {
        return given().header("Authorization", staff.bearer()).contentType(ContentType.JSON).body(transition)
                .post("/api/" + desk + "/reports/" + id + "/transitions");
    }

    public static Map<String, Object> to(String status, Object... more) {
        Map<String, Object> t = new HashMap<>();
        t.put("to", status);
        for (int i = 0; i < more.length; i += 2) {
            t.put((String) more[i], more[i + 1]);
        }
        return t;
    }

    public static List<Object> list(Object... items) {
        return List.of(items);
    }

}
