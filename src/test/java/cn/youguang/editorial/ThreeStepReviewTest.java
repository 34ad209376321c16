package cn.youguang.editorial;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** 初审 → 复审 → 终审 by configuration, each step passed by its own role and person, with a send-back. */
@QuarkusTest
@TestProfile(ThreeStepReviewTest.ThreeSteps.class)
class ThreeStepReviewTest {

    public static class ThreeSteps implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("youguang.editorial.review-steps", "初审:reviewer,复审:reviewer,终审:admin",
                    "youguang.content.import-on-start", "false");
        }
    }

    @Test
    void threeStepsWithASendBackAtTheSecond() {
        Editors.Person editor = Editors.with("editor");
        Editors.Person first = Editors.with("reviewer");
        Editors.Person second = Editors.with("reviewer");
        Editors.Person chief = new Editors.Person(cn.youguang.testing.Accounts.admin().id(), cn.youguang.testing.Accounts.admin().accessToken());
        JsonPath story = Editors.createStory(editor, "三审", "正文");
        long id = story.getLong("id");

        long v = Editors.move(editor, id, "in_review", null, 0, 200).getLong("version");
        JsonPath afterFirst = Editors.move(first, id, "approved", "初审通过", v, 200);
        assertThat(afterFirst.getString("stage")).isEqualTo("in_review");
        assertThat(afterFirst.getInt("reviewStep.number")).isEqualTo(2);
        assertThat(afterFirst.getString("reviewStep.name")).isEqualTo("复审");
        v = afterFirst.getLong("version");
        // the first reviewer cannot pass the second step too
        Editors.move(first, id, "approved", null, v, 403);
        v = Editors.move(second, id, "draft", "第二段需核实", v, 200).getLong("version");

        v = Editors.move(editor, id, "in_review", null, v, 200).getLong("version");
        v = Editors.move(first, id, "approved", null, v, 200).getLong("version");
        v = Editors.move(second, id, "approved", null, v, 200).getLong("version");
        // 终审 is the admin's step: a reviewer cannot pass it
        JsonPath notTheirs = Editors.move(Editors.with("reviewer"), id, "approved", null, v, 403);
        assertThat(notTheirs.getString("detail")).contains("终审", "admin");
        JsonPath approved = Editors.move(chief, id, "approved", "终审通过", v, 200);
        assertThat(approved.getString("stage")).isEqualTo("approved");

        JsonPath transitions = editor.as().get("/api/editorial/stories/" + id + "/transitions").then().statusCode(200)
                .extract().jsonPath();
        assertThat(transitions.getList("stepName")).containsExactly(null, "初审", "复审", null, "初审", "复审", "终审");
        assertThat(transitions.getList("to")).containsExactly("in_review", "in_review", "draft", "in_review",
                "in_review", "in_review", "approved");
        assertThat(transitions.getString("[2].comment")).isEqualTo("第二段需核实");
    }
}
