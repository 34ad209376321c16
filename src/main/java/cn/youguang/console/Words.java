package cn.youguang.console;

import cn.youguang.content.Stage;

/** Chinese words for the values templates show (stages, kinds, post states, times). */
public class Words {
    public String stage(Object stage) {
        String v = stage instanceof Stage s ? s.value() : String.valueOf(stage);
        return Labels.stage(v);
    }

    public String kind(String kind) {
        return Labels.kind(kind);
    }

    public String postState(String state) {
        return Labels.postState(state);
    }

    public String roles(java.util.List<String> roles) {
        return String.join("、", roles.stream().map(Labels::role).toList());
    }

    public String time(java.time.Instant at) {
        return at == null ? "" : Labels.time(at);
    }
}
